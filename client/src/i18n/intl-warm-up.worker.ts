// Makes a date and a number formatter for the locale it is sent, then says so. The locale data this
// loads is the browser's, shared by every thread of the tab (intl-cache.ts, prepareFormatting).
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<string>) => void) | null;
  postMessage: (message: null) => void;
};

scope.onmessage = ({ data: locale }) => {
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(0);
  new Intl.NumberFormat(locale).format(0);
  scope.postMessage(null);
};
