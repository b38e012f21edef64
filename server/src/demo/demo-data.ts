import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The demo's content: JSON and Markdown files beside the code (copied into dist by the build). */
const DATA_DIR = path.join(__dirname, 'data');

/** A JSON file of the demo's data, as the type its seeder expects. */
export function readDemoJson<T>(name: string): T {
  return JSON.parse(readFileSync(path.join(DATA_DIR, name), 'utf8')) as T;
}

/** A Markdown text of the demo, without the final new line every file ends with. */
export function readDemoMarkdown(name: string): string {
  return readFileSync(path.join(DATA_DIR, name), 'utf8').replace(/\n$/, '');
}
