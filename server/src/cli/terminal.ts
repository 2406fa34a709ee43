/**
 * What the CLI prints goes to a terminal, and a draft pasted from the web can
 * hold control sequences (ESC [2J clears the screen, ESC ] 0; sets the window
 * title, a C1 CSI does the same on some terminals) and bidirectional overrides
 * that reorder what is shown. They are printed as visible escapes (\u001b) so
 * the output shows the draft as it is and cannot act on the terminal. Line
 * ends and tabs, which the output itself uses, stay. In JSON output the
 * escapes are JSON's own, so the document stays valid and means the same.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(s: string): string {
  return s.replace(CONTROL, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}
