// Draws the dashboard charts with ECharts from the figures the page carries; the tables show the same numbers.
(function () {
  var report = window.ddChartPage('dd-report');
  if (!report) { return; }
  var d = report.data;
  var t = report.i18n;
  var draw = report.draw;

  function labels(list) { return list.map(function (c) { return c.label; }); }
  function counts(list) { return list.map(function (c) { return c.count; }); }
  var grid = { left: 40, right: 16, top: 24, bottom: 48, containLabel: true };

  draw('chart-stages', {
    tooltip: {}, grid: grid,
    xAxis: { type: 'category', data: labels(d.stages), axisLabel: { interval: 0, rotate: 20 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: t.files, type: 'bar', data: counts(d.stages) }]
  });
  draw('chart-grades', {
    tooltip: { trigger: 'item' }, legend: { bottom: 0 },
    series: [{ name: t.files, type: 'pie', radius: ['35%', '65%'],
      data: d.grades.map(function (c) { return { name: c.label, value: c.count }; }) }]
  });
  draw('chart-quota', {
    tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: grid,
    xAxis: { type: 'category', data: d.quota.years.map(function (r) { return String(r.year); }) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t.plan, type: 'bar', data: d.quota.years.map(function (r) { return r.plan; }) },
      { name: t.awarded, type: 'bar', data: d.quota.years.map(function (r) { return r.awarded; }) }
    ]
  });
  draw('chart-vetoes', {
    tooltip: {}, grid: grid,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: labels(d.vetoes) },
    series: [{ name: t.files, type: 'bar', data: counts(d.vetoes), itemStyle: { color: '#dc3545' } }]
  });
  draw('chart-ageing', {
    tooltip: {}, grid: grid,
    xAxis: { type: 'category', data: labels(d.rectification.ages) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: t.items, type: 'bar', data: counts(d.rectification.ages), itemStyle: { color: '#fd7e14' } }]
  });
  if (d.units.length) {
    draw('chart-units', {
      tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: grid,
      xAxis: { type: 'category', data: d.units.map(function (u) { return u.name; }), axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: d.stages.map(function (s) {
        return { name: s.label, type: 'bar', stack: 'stages',
          data: d.units.map(function (u) { return u.byStage[s.key] || 0; }) };
      })
    });
  }
})();
