#!/usr/bin/env node
// Runs the TypeScript CLI in this very process (tsx's loader registered here), so `npx assay <command>`
// works from a clean checkout and a signal, SIGKILL included, reaches the server itself: no child to orphan.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
