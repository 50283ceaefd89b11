// One JSON object per line on stderr. Callers pass only safe fields: never tokens, bodies or secrets.
export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;
export interface Logger { (level: LogLevel, event: string, fields?: LogFields): void }

export const stderrLogger: Logger = (level, event, fields = {}) => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`);
};
