/** Text matched literally inside a regular expression (for "name contains" searches). */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
