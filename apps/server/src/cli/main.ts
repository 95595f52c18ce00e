/** Entry point of the `pulse` command (bin/pulse.js loads it). */
import { buildProgram } from './program.ts';

const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
const program = buildProgram(io);
await program.parseAsync(process.argv);
