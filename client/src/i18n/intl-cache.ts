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

export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions = {}) =>
  cached('date', locale, options, () => new Intl.DateTimeFormat(locale, options));

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) =>
  cached('number', locale, options, () => new Intl.NumberFormat(locale, options));

export const listFormat = (locale: string, options: Intl.ListFormatOptions = {}) =>
  cached('list', locale, options, () => new Intl.ListFormat(locale, options));

/**
 * Makes the formatter most pages use (a medium date in `locale`) in a task of its own, soon after
 * start-up. The first Intl formatter a browser tab makes loads its locale data, 30-90 ms of main
 * thread on a slow machine; made here, that happens while the page's scripts and data are still on
 * their way, instead of inside the render that draws the data once it arrives.
 */
export function prepareFormatting(locale: string): void {
  setTimeout(() => dateTimeFormat(locale, { dateStyle: 'medium' }));
}
