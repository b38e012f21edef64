/**
 * Intl formatters, made once per locale and options. Making one costs far more than using it
 * (locale data is looked up each time), and a page formats hundreds of dates and numbers.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>();

function cached<Formatter extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>(
  kind: string,
  locale: string,
  options: object,
  make: () => Formatter,
): Formatter {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as Formatter | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** The time zone of dates formatted without one: the browser's own, unless the server is drawing for it. */
let defaultTimeZone: string | undefined;

/** Sets the time zone `dateTimeFormat` uses when its options name none; undefined for the system's. */
export function setDefaultTimeZone(timeZone: string | undefined): void {
  defaultTimeZone = timeZone;
}

export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions = {}) => {
  const zoned = defaultTimeZone && !options.timeZone ? { ...options, timeZone: defaultTimeZone } : options;
  return cached('date', locale, zoned, () => new Intl.DateTimeFormat(locale, zoned));
};

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) =>
  cached('number', locale, options, () => new Intl.NumberFormat(locale, options));

export const listFormat = (locale: string, options: Intl.ListFormatOptions = {}) =>
  cached('list', locale, options, () => new Intl.ListFormat(locale, options));

/**
 * Loads the locale data of `locale` soon after start-up, off the page's main thread. The first Intl
 * formatter a tab makes loads it: 30-90 ms on a fast machine, several times that on a slow phone, in
 * the middle of the page's start. The data is shared by all the tab's threads, so a worker loads it
 * and the page's own formatters then take well under a millisecond each. Without workers, the
 * formatter most pages use is made in a task of its own, while the page's data is on its way.
 */
export function prepareFormatting(locale: string): void {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./intl-warm-up.worker.ts', import.meta.url), { name: 'intl-warm-up' });
  } catch {
    setTimeout(() => dateTimeFormat(locale, { dateStyle: 'medium' }));
    return;
  }
  worker.onmessage = worker.onerror = () => worker.terminate();
  worker.postMessage(locale);
}
