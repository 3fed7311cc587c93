// Dates in Tasklist forms are entered and shown day first (27/11/2026), whatever the browser's
// language, and a date that does not exist (31/02/2026) is refused instead of rolling over.
//
// Camunda Forms (form-js) builds its date picker's format from the browser's default locale, so an
// en-US browser shows mm/dd/yyyy and reads a UK user's 27/11/2026 as month 27. Form-js asks for the
// default locale only; answering it with en-GB changes nothing else in Tasklist (Tasklist's own
// dates come from moment.js and are written out in words).

const UK = 'en-GB';
const NativeDateTimeFormat = Intl.DateTimeFormat;

function UkDateTimeFormat(locales, options) {
  const locale = locales === undefined || locales === 'default' ? UK : locales;
  return new NativeDateTimeFormat(locale, options);
}
UkDateTimeFormat.prototype = NativeDateTimeFormat.prototype;
UkDateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf.bind(NativeDateTimeFormat);
Intl.DateTimeFormat = UkDateTimeFormat;

// The date picker parses typed text with JavaScript's Date, which turns 31/02/2026 into 3 March.
// Typed text is checked first, at the moments the picker would read it (Enter, leaving the field);
// text that is not a real day/month/year date never reaches the picker: the field is emptied (so
// an earlier valid date cannot be submitted in its place) and says why.
const DAY_MONTH_YEAR = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/;
const ERROR_CLASS = 'escalation-date-error';

export function isRealDate(text) {
  const match = DAY_MONTH_YEAR.exec(text);
  if (!match) {
    return false;
  }
  const [day, month, year] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && year <= 2100 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1
      && date.getUTCDate() === day;
}

function datepickerInput(target) {
  return target instanceof HTMLInputElement && target.closest('.fjs-datepicker') ? target : null;
}

// Form-js re-renders its fields' own error lines, so the message is kept in a line of its own
// after the field, which form-js does not own; it stays until a real date or nothing is entered.
function fieldOf(input) {
  return input.closest('.fjs-form-field') || input.parentElement;
}

function showError(input, text) {
  const field = fieldOf(input);
  let message = field.nextElementSibling;
  if (!message || !message.classList.contains(ERROR_CLASS)) {
    message = document.createElement('div');
    message.className = ERROR_CLASS;
    message.setAttribute('role', 'alert');
    message.style.color = '#b40000';
    message.style.margin = '-8px 0 12px';
    field.after(message);
  }
  message.textContent = '"' + text + '" is not a date. Enter a real date as day/month/year, for example 27/11/2026.';
  input.setAttribute('aria-invalid', 'true');
}

function clearError(input) {
  const message = fieldOf(input).nextElementSibling;
  if (message && message.classList.contains(ERROR_CLASS)) {
    message.remove();
  }
  input.removeAttribute('aria-invalid');
}

function check(event) {
  const input = datepickerInput(event.target);
  if (!input || (event.type === 'keydown' && event.key !== 'Enter')) {
    return;
  }
  const text = input.value;
  if (text.trim() === '') {
    return; // nothing typed, or emptied here: the message (if any) stays until the person types again
  }
  if (isRealDate(text)) {
    clearError(input);
    return;
  }
  // Empty the field the way a user would, so the picker clears its value, then say why.
  input.value = '';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  showError(input, text.trim());
}

document.addEventListener('input', (event) => {
  const input = datepickerInput(event.target);
  if (input && event.isTrusted) {
    clearError(input); // the person is typing again
  }
}, true);
document.addEventListener('keydown', check, true);
document.addEventListener('blur', check, true); // blur comes before focusout, and the picker reads on blur

export default [];
