// Draws the cases dashboard with ECharts from the figures the page carries; the table shows the same numbers.
(function () {
  var page = window.ddChartPage('dd-cases');
  if (!page) { return; }
  var d = page.data;
  var t = page.i18n;
  var draw = page.draw;
  var grid = { left: 40, right: 16, top: 24, bottom: 48, containLabel: true };

  draw('chart-channels', {
    tooltip: { trigger: 'item' }, legend: { bottom: 0 },
    series: [{ name: t.cases, type: 'pie', radius: ['35%', '65%'],
      data: d.channels.map(function (c) { return { name: page.channels[c.key] || c.key, value: c.count }; }) }]
  });
  draw('chart-categories', {
    tooltip: {}, grid: grid,
    xAxis: { type: 'category', data: d.categories.map(function (c) { return c.key; }) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: t.cases, type: 'bar', data: d.categories.map(function (c) { return c.count; }) }]
  });
  draw('chart-ageing', {
    tooltip: {}, grid: grid,
    xAxis: { type: 'category', data: d.ageing.map(function (c) { return page.ages[c.key] || c.key; }) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: t.open, type: 'bar', data: d.ageing.map(function (c) { return c.count; }), itemStyle: { color: '#fd7e14' } }]
  });
  draw('chart-overdue', {
    tooltip: {}, grid: grid,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: d.units.map(function (u) { return u.name; }) },
    series: [{ name: t.overdue, type: 'bar', data: d.units.map(function (u) { return u.overdue; }), itemStyle: { color: '#dc3545' } }]
  });
})();
