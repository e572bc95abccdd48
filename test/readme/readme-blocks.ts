// Reads the shell walkthroughs of README.md as their readers see them: the fenced `sh` block
// after an HTML comment naming the test, split into commands (continued lines, multi-line
// quoted strings and here-documents kept whole), each with the answer printed under it
// (a `# {…}` comment line).
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const README = path.resolve(import.meta.dirname, '../../README.md');

export interface ShellCommand {
  /** The command as written (several lines for continuations and here-documents). */
  text: string;
  /** The line number in README.md where it starts. */
  line: number;
  /** The answer printed under it, when there is one. */
  expected: string | null;
}

/** The commands of the `sh` block that follows the marker comment. */
export function readmeBlock(marker: string): ShellCommand[] {
  const lines = readFileSync(README, 'utf8').split('\n');
  const at = lines.findIndex((line) => line.startsWith('<!--') && line.includes(marker));
  if (at < 0) throw new Error(`README.md has no <!-- … ${marker} … --> marker`);
  if (lines[at + 1] !== '```sh') throw new Error(`README.md line ${at + 2}: expected a \`\`\`sh block after the marker`);
  const end = lines.indexOf('```', at + 2);
  return splitCommands(lines.slice(at + 2, end), at + 3);
}

export function splitCommands(lines: string[], firstLine: number): ShellCommand[] {
  const commands: ShellCommand[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    if (line.startsWith('#')) {
      const answer = /^# (\{.*\})$/.exec(line);
      const last = commands[commands.length - 1];
      if (answer && last && last.expected === null) last.expected = answer[1];
      continue;
    }
    const start = i;
    let text = line;
    const heredoc = /<<'(\w+)'$/.exec(line);
    if (heredoc) {
      while (lines[++i] !== heredoc[1]) {
        if (i >= lines.length) throw new Error(`README.md line ${firstLine + start}: here-document not closed by ${heredoc[1]}`);
        text += `\n${lines[i]}`;
      }
      text += `\n${heredoc[1]}`;
    } else {
      while (text.endsWith('\\') || openQuote(text)) {
        if (++i >= lines.length) throw new Error(`README.md line ${firstLine + start}: unfinished command`);
        text += `\n${lines[i]}`;
      }
    }
    commands.push({ text, line: firstLine + start, expected: null });
  }
  return commands;
}

/** Inside a single-quoted string at the end of the text (the quotes of a `-d '{…}'` body). */
function openQuote(text: string): boolean {
  let open = false;
  for (const char of text) {
    if (char === "'") open = !open;
  }
  return open;
}

/** Shell words of a simple command line: spaces split, "…" and '…' group, a trailing # comment goes. */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  let current: string | null = null;
  let quote: '"' | "'" | null = null;
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = null;
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      current ??= '';
    } else if (char === ' ' || char === '\t') {
      if (current !== null) words.push(current);
      current = null;
    } else if (char === '#' && current === null) {
      break;
    } else {
      current = (current ?? '') + char;
    }
  }
  if (quote) throw new Error(`unclosed ${quote} in: ${text}`);
  if (current !== null) words.push(current);
  return words;
}
