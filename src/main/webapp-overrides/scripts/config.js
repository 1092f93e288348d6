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
  var ERRORS = [
    [/^Field is required\.$/, 'Champ obligatoire.'],
    [/^Field must have minimum value of (.*)\.$/, 'La valeur doit être au moins $1.'],
    [/^Field must have maximum value of (.*)\.$/, 'La valeur doit être au plus $1.'],
    [/^Field must have minimum length of (.*)\.$/, 'Au moins $1 caractères.'],
    [/^Field must have maximum length of (.*)\.$/, 'Au plus $1 caractères.'],
    [/^Field must match pattern (.*)\.$/, 'Format attendu : $1.'],
    [/^Field must be a valid email\.$/, 'Adresse électronique invalide.']
  ];
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
    // the browser-side validation messages under a field
    scope.querySelectorAll('.fjs-form-field-error li').forEach(function (element) {
      if (element.childNodes.length !== 1 || element.firstChild.nodeType !== 3) {
        return;
      }
      var text = element.firstChild.data;
      var french = text;
      ERRORS.forEach(function (rule) {
        french = french.replace(rule[0], rule[1]);
      });
      if (french !== text) {
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

// Tasklist only: a Camunda Form with a dynamic list (the quarterly report's indicators and activities)
// could not be completed, « Terminer » stayed disabled without any error shown. Cause: when a field of a
// list row changes, form-js 1.8 (bundled in Tasklist 7.24) records its validation as
// min-dash set(errors, [fieldId, rowIndex], undefined), which creates `errors[fieldId] = []` and leaves
// that empty entry behind; Tasklist disables the button as soon as `Object.keys(errors).length` > 0.
// Here form-js's Form drops error entries that hold no message before storing its state, so only real
// errors (a message under a field) disable the button. The Form class is reached through the webpack
// runtime the webapps share (the module exporting `Form` whose submit refuses "form is read-only"); when
// it cannot be found (another Camunda version) nothing is changed and window.masmFormErrorsFix says so.
(function formJsListErrors() {
  if (window.location.pathname.indexOf('/app/tasklist') < 0) {
    return;
  }
  var hasMessage = function (value) {
    if (typeof value === 'string') {
      return value.length > 0;
    }
    if (value && typeof value === 'object') {
      return Object.keys(value).some(function (key) { return hasMessage(value[key]); });
    }
    return false;
  };
  var withoutEmptyEntries = function (errors) {
    if (!errors || typeof errors !== 'object') {
      return errors;
    }
    var kept = {};
    var dropped = false;
    Object.keys(errors).forEach(function (key) {
      if (hasMessage(errors[key])) {
        kept[key] = errors[key];
      } else {
        dropped = true;
      }
    });
    return dropped ? kept : errors;
  };
  var findFormClass = function () {
    var chunks = window.webpackChunkcamunda_bpm_webapp;
    var require = null;
    if (!chunks || typeof chunks.push !== 'function') {
      return null;
    }
    chunks.push([['masm-form-errors-' + Date.now()], {}, function (webpackRequire) { require = webpackRequire; }]);
    if (!require || !require.m) {
      return null;
    }
    var ids = Object.keys(require.m);
    for (var i = 0; i < ids.length; i++) {
      var source = '';
      try {
        source = Function.prototype.toString.call(require.m[ids[i]]);
      } catch (e) {
        continue;
      }
      if (source.indexOf('form is read-only') >= 0 && source.indexOf('_setState') >= 0) {
        var exported = null;
        try {
          exported = require(ids[i]);
        } catch (e) {
          return null;
        }
        if (exported && exported.Form && exported.Form.prototype && typeof exported.Form.prototype._setState === 'function') {
          return exported.Form;
        }
      }
    }
    return null;
  };
  var patch = function () {
    var Form = findFormClass();
    if (!Form) {
      return false;
    }
    if (!Form.prototype.masmErrorsWithoutEmptyEntries) {
      var setState = Form.prototype._setState;
      Form.prototype._setState = function (state) {
        if (state && state.errors) {
          state = Object.assign({}, state, { errors: withoutEmptyEntries(state.errors) });
        }
        return setState.call(this, state);
      };
      Form.prototype.masmErrorsWithoutEmptyEntries = true;
    }
    window.masmFormErrorsFix = 'applied';
    return true;
  };
  window.masmFormErrorsFix = 'pending';
  if (!patch()) {
    var attempts = 0;
    var timer = window.setInterval(function () {
      attempts += 1;
      if (patch() || attempts > 200) {
        window.clearInterval(timer);
        if (window.masmFormErrorsFix !== 'applied') {
          window.masmFormErrorsFix = 'form-js Form not found';
        }
      }
    }, 50);
  }
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
