/*
 * MASM — Coopération: configuration of the Camunda webapps (Tasklist, Cockpit, Admin, welcome page).
 * ONE source for the four apps: the build (maven-resources-plugin, pom.xml) copies this file to
 * META-INF/resources/webjars/camunda/app/<app>/scripts/config.js, where it replaces the webjar's
 * (an ES module evaluated before the application starts). Each app ignores the keys it does not
 * know (shortcuts: Tasklist; links: welcome page).
 * Shipped defaults: camunda-webapp-webjar-7.24.0.jar!/META-INF/resources/webjars/camunda/app/<app>/scripts/config.js
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

// Relative times ("il y a 5 minutes") in French from the first render. The webapps give moment.js
// the French dateLocales of fr.json only when that file has arrived, after the first task list was
// drawn in English; angular-moment redraws its times when told the locale changed. So once the app
// is bootstrapped: on every language change (and at once), switch moment to it and tell angular-moment.
(function frenchRelativeTimes() {
  var attempts = 0;
  var timer = window.setInterval(function () {
    attempts += 1;
    var ng = window.angular;
    var root = document.querySelector('[ng-controller]') || document.body;
    var injector = ng && root && ng.element(root).injector && ng.element(root).injector();
    if (!injector) {
      if (attempts > 600) {
        window.clearInterval(timer);
      }
      return;
    }
    window.clearInterval(timer);
    if (!injector.has('moment') || !injector.has('$rootScope')) {
      return;
    }
    var moment = injector.get('moment');
    var $rootScope = injector.get('$rootScope');
    var apply = function (language) {
      if (language && moment.locales().indexOf(language) > -1) {
        moment.locale(language);
        $rootScope.$broadcast('amMoment:localeChanged');
      }
    };
    $rootScope.$on('$translateChangeSuccess', function (event, data) {
      apply(data && data.language);
    });
    if (injector.has('$translate')) {
      // the language's dateLocales may reach moment after the event has passed: keep checking until
      // moment speaks the language of the page (at most a minute)
      var $translate = injector.get('$translate');
      var checks = 0;
      var settle = window.setInterval(function () {
        checks += 1;
        var language = $translate.use();
        if (language && moment.locale() === language) {
          window.clearInterval(settle);
          return;
        }
        apply(language);
        if (checks > 600) {
          window.clearInterval(settle);
        }
      }, 100);
    }
  }, 50);
})();

// Camunda Forms (form-js) write a few words in English whatever the language (tag list "Search",
// empty select "Select", dropdown "No results"): put them in French as they appear.
(function frenchFormWidgets() {
  var PLACEHOLDERS = { 'Search': 'Rechercher' };
  var TEXTS = {
    'Select': 'Choisir',
    'No results': 'Aucun résultat',
    'All values selected': 'Toutes les valeurs sont choisies'
  };
  var fix = function (scope) {
    if (!scope || !scope.querySelectorAll) {
      return;
    }
    scope.querySelectorAll('.fjs-container input[placeholder]').forEach(function (input) {
      var french = PLACEHOLDERS[input.getAttribute('placeholder')];
      if (french) {
        input.setAttribute('placeholder', french);
      }
    });
    scope.querySelectorAll('.fjs-select-display, .fjs-dropdownlist-empty').forEach(function (element) {
      var french = TEXTS[element.textContent.trim()];
      if (french && element.childNodes.length === 1 && element.firstChild.nodeType === 3) {
        element.firstChild.data = french;
      }
    });
  };
  var start = function () {
    fix(document.body);
    new MutationObserver(function () {
      fix(document.body);
    }).observe(document.body, { childList: true, subtree: true, characterData: true,
      attributes: true, attributeFilter: ['placeholder'] });
  };
  if (document.body) {
    start();
  } else {
    document.addEventListener('DOMContentLoaded', start);
  }
})();

// Tasklist only: the task list opens sorted by due date, most urgent first (Tasklist's own default is
// "created, newest first", and it overrides the filter's order): when the list is shown without an
// explicit sorting, the due-date sorting is added to the address. A sorting the clerk picks stays.
(function () {
  if (window.location.pathname.indexOf('/app/tasklist') < 0) {
    return;
  }
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
  // Tasklist keyboard shortcuts, described in French
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'prend en charge la tâche sélectionnée' },
    focusFilter: { key: 'ctrl+shift+f', description: 'place le curseur sur le premier filtre de la liste' },
    focusList: { key: 'ctrl+alt+l', description: 'place le curseur sur la première tâche de la liste' },
    focusForm: { key: 'ctrl+alt+f', description: 'place le curseur sur le premier champ du formulaire de la tâche' },
    startProcess: { key: 'ctrl+alt+p', description: 'ouvre la fenêtre « Démarrer un processus »' }
  },
  // welcome page: custom links shown next to the applications
  links: [
    {
      label: 'Tableau de bord du secteur',
      href: '/dashboard',
      description: "Partenaires, conventions, rapports et chevauchements : le secteur d'un coup d'œil"
    }
  ]
};
