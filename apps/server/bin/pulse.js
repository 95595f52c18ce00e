#!/usr/bin/env node
// The `pulse` command. Sources are TypeScript; tsx compiles them on load so no build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
