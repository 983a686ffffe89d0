#!/usr/bin/env node
// The CLI ships as one bundle (fast start-up); `npm run build` writes it.
import '../dist/cli.js';
