/** Lines of a text file, read a chunk at a time (the last line may lack its newline). */
import { createReadStream } from 'node:fs';

/** Yields the lines of the file at `path`, without their newlines. */
export async function* lines(path) {
  let carry = '';
  for await (const chunk of createReadStream(path, 'utf8')) {
    const parts = (carry + chunk).split('\n');
    carry = parts.pop() ?? '';
    yield* parts;
  }
  if (carry !== '') yield carry;
}
