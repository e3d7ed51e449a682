// Prints words and computed reading minutes for MDX files: `npm run reading-time -- <files>`.
import { readFileSync } from 'node:fs';
import { readingMinutes, wordCount } from '../src/lib/reading-time.ts';

for (const f of process.argv.slice(2)) {
  const text = readFileSync(f, 'utf8');
  console.log(`${readingMinutes(text)} min\t${wordCount(text)} words\t${f}`);
}
