/**
 * Cron expressions as the Sinas scheduler runs them: exactly five whitespace-separated fields
 * handed to APScheduler's cron trigger (minute, hour, day, month, day_of_week). APScheduler's
 * field syntax: `*`, `*\/n`, `a`, `a-b`, `a-b/n`, `a/n`, comma lists; month and weekday names;
 * `last` for the day. Its day_of_week counts 0 = Monday, unlike crontab's 0 = Sunday.
 */

export interface CronField {
  name: 'minute' | 'hour' | 'day' | 'month' | 'day_of_week';
  text: string;
  /** Index of the field in the expression string. */
  index: number;
}

export interface CronProblem {
  message: string;
  /** The offending field, when the problem is in one field. */
  field?: CronField;
}

const FIELDS: { name: CronField['name']; min: number; max: number; names?: readonly string[] }[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] },
  { name: 'day_of_week', min: 0, max: 6, names: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] },
];

const LABEL: Record<CronField['name'], string> = {
  minute: 'minute (0-59)',
  hour: 'hour (0-23)',
  day: 'day of month (1-31)',
  month: 'month (1-12 or jan-dec)',
  day_of_week: 'day of week (mon-sun, or 0-6 with 0 = Monday)',
};

export function splitCron(expression: string): CronField[] {
  const out: CronField[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  let i = 0;
  while ((m = re.exec(expression))) {
    out.push({ name: FIELDS[Math.min(i, FIELDS.length - 1)].name, text: m[0], index: m.index });
    i++;
  }
  return out;
}

/** The first problem of an expression, or undefined when the scheduler accepts it. */
export function checkCron(expression: string): CronProblem | undefined {
  const fields = splitCron(expression);
  if (fields.length !== 5) {
    const extra = fields.length === 6 ? ' A sixth field (seconds or year) is not supported.' : '';
    return { message: `The Sinas scheduler needs exactly 5 fields (minute hour day month day-of-week); this has ${fields.length}.${extra}` };
  }
  for (let i = 0; i < 5; i++) {
    const problem = checkField(fields[i].text, FIELDS[i]);
    if (problem) return { message: `Invalid ${LABEL[fields[i].name]} field \`${fields[i].text}\`: ${problem}`, field: fields[i] };
  }
  return undefined;
}

function checkField(text: string, spec: (typeof FIELDS)[number]): string | undefined {
  for (const original of text.split(',')) {
    const part = original.toLowerCase();
    if (part === '') return 'empty list element.';
    if (part === '*') continue;
    let m = /^\*\/(\d+)$/.exec(part);
    if (m) {
      if (Number(m[1]) === 0) return 'a step of 0 is not allowed.';
      continue;
    }
    if (spec.name === 'day' && part === 'last') continue;
    m = /^([a-z0-9]+)(?:-([a-z0-9]+))?(?:\/(\d+))?$/.exec(part);
    if (!m) return `\`${original}\` is not a value, range or step (\`?\`, \`L\`, \`W\` and \`#\` are not supported).`;
    const first = valueOf(m[1], spec, original);
    const last = m[2] !== undefined ? valueOf(m[2], spec, original) : first;
    if (typeof first === 'string') return first;
    if (typeof last === 'string') return last;
    if (m[3] !== undefined && Number(m[3]) === 0) return 'a step of 0 is not allowed.';
    if (last < first) return `the range \`${original}\` runs backwards.`;
  }
  return undefined;
}

function valueOf(token: string, spec: (typeof FIELDS)[number], original: string): number | string {
  if (/^\d+$/.test(token)) {
    const n = Number(token);
    if (n < spec.min || n > spec.max) return `\`${token}\` is outside ${spec.min}-${spec.max}.`;
    return n;
  }
  const index = spec.names?.indexOf(token) ?? -1;
  if (index >= 0) return index + spec.min;
  const shown = original.length === token.length ? original : token;
  if (token === 'l') return '`L` (last) is not supported; write `last` for the last day of the month.';
  return spec.names ? `\`${shown}\` is not a number or one of ${spec.names.join(', ')}.` : `\`${shown}\` is not a number.`;
}

const CRONTAB_DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * A day-of-week field with numbers: APScheduler reads 0 as Monday, crontab as Sunday, so `1-5`
 * runs Tuesday to Saturday. Returns the field rewritten with names, read the crontab way
 * (undefined when it has no numbers or cannot be rewritten simply).
 */
export function crontabWeekdayNames(field: string): string | undefined {
  if (!/(?:^|[,-])\d/.test(field)) return undefined;
  const out: string[] = [];
  for (const part of field.toLowerCase().split(',')) {
    const m = /^(\*|[a-z]{3}|[0-7])(?:-([a-z]{3}|[0-7]))?(\/\d+)?$/.exec(part);
    if (!m) return undefined;
    const [, a, b, step = ''] = m;
    const day = (t: string) => (/^\d$/.test(t) ? CRONTAB_DAYS[Number(t)] : t);
    if (b === undefined) {
      out.push(a === '*' ? part : `${day(a)}${step}`);
      continue;
    }
    if (a === '*') return undefined;
    const from = /^\d$/.test(a) ? Number(a) % 7 : CRONTAB_DAYS.indexOf(a);
    const to = /^\d$/.test(b) ? (Number(b) === 0 ? 7 : Number(b)) : CRONTAB_DAYS.lastIndexOf(b);
    if (from < 0 || to < from) return undefined;
    if (from === 0) {
      // Sunday starts the crontab week but ends APScheduler's: split it off.
      if (step) return undefined;
      if (to >= 6) out.push('*');
      else out.push(to === 0 ? 'sun' : `mon-${CRONTAB_DAYS[to]}`, 'sun');
    } else out.push(`${CRONTAB_DAYS[from]}-${CRONTAB_DAYS[to]}${step}`);
  }
  return out.includes('*') ? '*' : out.join(',');
}
