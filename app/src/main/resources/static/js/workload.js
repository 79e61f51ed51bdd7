// Draws the inspectors' workload of a month with ECharts from the figures the page carries; the table shows the same.
(function () {
  var page = window.ddChartPage('dd-workload');
  if (!page) { return; }
  var rows = page.data.rows;
  var t = page.i18n;
  function series(name, key) {
    return { name: name, type: 'bar', data: rows.map(function (r) { return r[key]; }) };
  }
  page.draw('chart-workload', {
    tooltip: { trigger: 'axis' }, legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 24, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: rows.map(function (r) { return r.inspectorName; }),
      axisLabel: { interval: 0, rotate: 20 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [series(t.visits, 'visits'), series(t.schools, 'schools'), series(t.findings, 'findings'),
      series(t.closedOnTime, 'closedOnTime')]
  });
}());
