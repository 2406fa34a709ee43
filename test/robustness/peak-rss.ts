/**
 * Preloaded into a CLI run by the soak suite (`node -r …/peak-rss.js cli.js …`):
 * writes the process's peak resident memory to stderr as it exits, so that
 * memory ceilings need no /usr/bin/time.
 */
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\nzongjie-peak-rss-kb=${process.resourceUsage().maxRSS}\n`);
});
