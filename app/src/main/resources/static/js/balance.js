// Draws the balance charts with ECharts from the figures the page carries: per stage the eight CVs against the
// basic and quality balance thresholds, and per indicator the schools' per-pupil values against the weighted mean.
(function () {
  var page = window.ddChartPage('dd-balance');
  if (!page) { return; }
  var b = page.data;
  var t = page.i18n;
  var draw = page.draw;
  var grid = { left: 40, right: 16, top: 40, bottom: 56, containLabel: true };

  function line(name, value, color) {
    return { name: name, yAxis: value, lineStyle: { color: color, type: 'dashed' },
      label: { formatter: name + ' {c}', position: 'insideEndTop' } };
  }

  b.stages.forEach(function (s) {
    draw('chart-cv-' + s.key, {
      title: { text: t.cv, textStyle: { fontSize: 13 } }, tooltip: { trigger: 'axis' }, grid: grid,
      xAxis: { type: 'category', data: s.indicators.map(function (i) { return t.names[i.code] || i.name; }),
        axisLabel: { interval: 0, rotate: 20, fontSize: 10 } },
      yAxis: { type: 'value' },
      series: [{ name: t.cv, type: 'bar',
        data: s.indicators.map(function (i) {
          var bad = i.cv !== null && i.cv > s.threshold.quality;
          return { value: i.cv, itemStyle: { color: bad ? '#dc3545' : '#0d6efd' } };
        }),
        markLine: { symbol: 'none', data: [line(t.basic, s.threshold.basic, '#fd7e14'),
          line(t.quality, s.threshold.quality, '#198754')] } }]
    });
    s.indicators.forEach(function (i) {
      draw('chart-' + s.key + '-' + i.code, {
        title: { text: t.names[i.code] || i.name, subtext: t.cv + ' ' + (i.cv === null ? '-' : i.cv),
          textStyle: { fontSize: 13 } },
        tooltip: { trigger: 'axis' }, grid: grid,
        xAxis: { type: 'category', data: i.schools.map(function (v) { return v.name + (v.part ? '(' + v.part + ')' : ''); }),
          axisLabel: { interval: 0, rotate: 35, fontSize: 9 } },
        yAxis: { type: 'value' },
        series: [{ name: t.perPupil, type: 'bar',
          data: i.schools.map(function (v) {
            return { value: v.perPupil, itemStyle: { color: v.perPupil < i.mean ? '#fd7e14' : '#0d6efd' } };
          }),
          markLine: { symbol: 'none', data: [line(t.mean, i.mean, '#6c757d')] } }]
      });
    });
  });
})();
