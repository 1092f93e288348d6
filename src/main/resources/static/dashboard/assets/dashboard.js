// Draws the dashboard's charts from the data-charts attribute (no inline script: the page's CSP forbids it).
// Clicking a bar or slice opens the list behind it. Errors are kept in window.dashboardErrors for the browser test.
(function () {
  'use strict';
  window.dashboardErrors = window.dashboardErrors || [];
  window.addEventListener('error', function (e) { window.dashboardErrors.push(String(e.message || e)); });

  var GREEN = '#2e7d32', ORANGE = '#ef6c00', BLUE = '#1565c0', GREY = '#90a4ae';

  function go(links) {
    return function (event, elements) {
      if (elements && elements.length && links && links[elements[0].index]) {
        window.location.href = links[elements[0].index];
      }
    };
  }

  function stacked(id, s, horizontal, aspectRatio) {
    var el = document.getElementById(id);
    if (!el || !s) { return; }
    new Chart(el, {
      type: 'bar',
      data: {
        labels: s.labels,
        datasets: [
          { label: 'Avec convention en vigueur', data: s.withConvention, backgroundColor: GREEN },
          { label: 'Sans convention', data: s.withoutConvention, backgroundColor: ORANGE }
        ]
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x', responsive: true, animation: false, aspectRatio: aspectRatio || 1.5,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } },
        onClick: go(s.links)
      }
    });
  }

  function draw() {
    var root = document.getElementById('dashboard');
    if (!root || typeof Chart === 'undefined') {
      window.dashboardErrors.push('Chart.js absent');
      return;
    }
    var c = JSON.parse(root.getAttribute('data-charts'));
    var conv = document.getElementById('chart-convention');
    if (conv) {
      new Chart(conv, {
        type: 'doughnut',
        data: { labels: c.convention.labels,
          datasets: [{ data: c.convention.values, backgroundColor: [GREEN, ORANGE] }] },
        options: { responsive: true, animation: false, onClick: go(c.convention.links) }
      });
    }
    stacked('chart-kind', c.kind, false);
    stacked('chart-subSector', c.subSector, false);
    stacked('chart-targetGroup', c.targetGroup, true);
    stacked('chart-domain', c.domain, true, 3);
    stacked('chart-department', c.department, false, 3.5);
    var pipe = document.getElementById('chart-pipeline');
    if (pipe) {
      new Chart(pipe, {
        type: 'bar',
        data: { labels: c.pipeline.labels, datasets: [
          { label: 'Dossiers en cours', data: c.pipeline.open, backgroundColor: BLUE, yAxisID: 'y' },
          { label: 'Durée moyenne (j)', data: c.pipeline.average, backgroundColor: GREY, yAxisID: 'y1' },
          { label: '90e centile (j)', data: c.pipeline.p90, backgroundColor: ORANGE, yAxisID: 'y1' }
        ] },
        options: { responsive: true, animation: false, aspectRatio: 3.5, onClick: go(c.pipeline.links),
          scales: { y: { beginAtZero: true, position: 'left', title: { display: true, text: 'dossiers' } },
                    y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false },
                          title: { display: true, text: 'jours' } } } }
      });
    }
    var comp = document.getElementById('chart-compliance');
    if (comp) {
      new Chart(comp, {
        type: 'line',
        data: { labels: c.compliance.labels, datasets: [
          { label: 'Taux de rapportage (%)', data: c.compliance.rate, borderColor: GREEN, backgroundColor: GREEN },
          { label: 'À temps (%)', data: c.compliance.onTime, borderColor: BLUE, backgroundColor: BLUE }
        ] },
        options: { responsive: true, animation: false, aspectRatio: 3.5, onClick: go(c.compliance.links),
          scales: { y: { beginAtZero: true, max: 100 } } }
      });
    }
    root.setAttribute('data-charts-ready', 'true');
  }

  try {
    draw();
  } catch (e) {
    window.dashboardErrors.push(String(e && e.message ? e.message : e));
    throw e;
  }
})();
