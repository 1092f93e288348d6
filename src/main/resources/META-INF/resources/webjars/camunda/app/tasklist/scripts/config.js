/*
 * MASM — Coopération: configuration of Camunda Tasklist (served from our jar, it replaces the
 * webjar's scripts/config.js; an ES module evaluated before the application starts).
 * Shipped default: camunda-webapp-webjar-7.24.0.jar!/META-INF/resources/webjars/camunda/app/tasklist/scripts/config.js
 */

// French for every browser. The webapps choose the browser's first language when it is one of
// availableLocales, else fallbackLocale. The staff work in French whatever their browser says, so
// the browser's language is read as French; English stays the fallback for a key fr.json lacks.
try {
  Object.defineProperty(window.navigator, 'languages', { value: ['fr-FR', 'fr'], configurable: true });
  Object.defineProperty(window.navigator, 'language', { value: 'fr-FR', configurable: true });
} catch (e) {
  // a browser refusing the override keeps its own language (French browsers are unaffected)
}

// The task list opens sorted by due date, most urgent first (Tasklist's own default is "created,
// newest first", and it overrides the filter's order): when the list is shown without an explicit
// sorting, the due-date sorting is added to the address. A sorting the clerk picks stays.
(function () {
  var dueFirst = encodeURIComponent(JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]));
  function sortByDueDate() {
    var hash = window.location.hash || '';
    if (!/^#\/(\?|$)/.test(hash) || /[?&]sorting=/.test(hash)) {
      return;
    }
    window.location.replace(hash.indexOf('?') < 0 ? '#/?sorting=' + dueFirst : hash + '&sorting=' + dueFirst);
  }
  window.addEventListener('hashchange', sortByDueDate);
  sortByDueDate();
})();

export default {
  app: {
    vendor: 'MASM —',
    name: 'Coopération'
  },
  locales: {
    availableLocales: ['fr', 'en'],
    fallbackLocale: 'en'
  },
  // dates as dd/MM/yyyy (moment.js patterns), shown in the browser's time zone (Africa/Porto-Novo in Benin)
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD/MM/YYYY HH:mm',
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd DD/MM/YYYY HH:mm',
    short: 'DD/MM/YYYY'
  },
  csrfCookieName: 'XSRF-TOKEN',
  disableWelcomeMessage: true,
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'prend en charge la tâche sélectionnée' },
    focusFilter: { key: 'ctrl+shift+f', description: 'place le curseur sur le premier filtre de la liste' },
    focusList: { key: 'ctrl+alt+l', description: 'place le curseur sur la première tâche de la liste' },
    focusForm: { key: 'ctrl+alt+f', description: 'place le curseur sur le premier champ du formulaire de la tâche' },
    startProcess: { key: 'ctrl+alt+p', description: 'ouvre la fenêtre « Démarrer un processus »' }
  }
};
