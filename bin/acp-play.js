#!/usr/bin/env node
// Entry point of the installed CLI: the compiled program, bundled (npm run build: tsc to dist/, then
// scripts/bundle.mjs to dist/bundle/).
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(process.argv.slice(2));
