const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
const HIDDEN = new Set(['level', 'time', 'pid', 'service', 'site', 'context', 'msg', 'hostname']);

/** Wide enough for `[<cell>/<service>]` of the longest names in use. */
export const LOG_PREFIX_WIDTH = 30;

/** Turns a service's JSON log line into one readable line; other lines pass through. */
export function formatLogLine(service: string, line: string): string {
  const prefix = `[${service}]`.padEnd(LOG_PREFIX_WIDTH);
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return `${prefix} ${line}`;
  }
  const time = new Date(Number(entry['time'])).toISOString().slice(11, 19);
  const level = LEVELS[Number(entry['level'])] ?? 'INFO ';
  const context = entry['context'] ? ` ${String(entry['context'])}:` : '';
  const fields = Object.entries(entry)
    .filter(([key, value]) => !HIDDEN.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  return `${prefix} ${time} ${level}${context} ${entry['msg'] ?? ''} ${fields}`.trimEnd();
}
