/**
 * A team's own dictionary (from `.zongjie.json`, see config/team-config.ts):
 * wrong → right formulations and words to avoid, each with the reason, the
 * source, and examples that must and must not be flagged. Matching is by the
 * exact text, so an entry means what it says and its examples test it.
 */

export interface DictionaryExamples {
  /** Sentences the entry must flag. */
  match: string[];
  /** Sentences the entry must leave alone. */
  noMatch: string[];
}

interface EntryOrigin {
  /** The config file and the 1-based line of the entry. */
  file: string;
  line: number;
}

export interface ReplaceEntry extends DictionaryExamples, EntryOrigin {
  wrong: string;
  right: string;
  reason?: string;
  source?: string;
}

export interface AvoidEntry extends DictionaryExamples, EntryOrigin {
  word: string;
  reason?: string;
  source?: string;
}

export interface TeamDictionary {
  replace: ReplaceEntry[];
  avoid: AvoidEntry[];
}

export const EMPTY_DICTIONARY: TeamDictionary = { replace: [], avoid: [] };

export function isReplaceEntry(e: ReplaceEntry | AvoidEntry): e is ReplaceEntry {
  return 'wrong' in e;
}

/**
 * Where an entry flags `text`: the start of each occurrence of its wrong text
 * or word. For a replacement whose right text contains the wrong one
 * (一岗双责 → “一岗双责”), an occurrence that is already part of the right
 * text is not flagged.
 */
export function entryHits(entry: ReplaceEntry | AvoidEntry, text: string): number[] {
  const needle = isReplaceEntry(entry) ? entry.wrong : entry.word;
  const out: number[] = [];
  // Where the needle sits inside the right text, if it does.
  const inside: number[] = [];
  if (isReplaceEntry(entry)) for (let k = entry.right.indexOf(needle); k >= 0; k = entry.right.indexOf(needle, k + 1)) inside.push(k);
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) {
    const alreadyRight = inside.some((k) => i - k >= 0 && text.startsWith((entry as ReplaceEntry).right, i - k));
    if (!alreadyRight) out.push(i);
  }
  return out;
}
