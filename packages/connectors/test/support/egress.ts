/**
 * The egress policy of tests whose fakes listen on 127.0.0.1: the production policy with
 * 127.0.0.1 on its allow list, exactly as an operator would set PULSE_EGRESS_ALLOW=127.0.0.1.
 */
import { createEgressPolicy } from '@pulse/connectors';

export const loopbackEgress = createEgressPolicy({ allow: '127.0.0.1' });
