// What every chart page shares: the page's figures from its JSON data block (CSP allows data, not inline script)
// and a draw(id, option) that draws an ECharts chart into an element, if the page has it, and keeps it sized.
// Returns null when the page carries no such block or ECharts is missing.
window.ddChartPage = function (blockId) {
  var block = document.getElementById(blockId);
  if (!block || !window.echarts) { return null; }
  var page = JSON.parse(block.textContent);
  var charts = [];
  page.draw = function (id, option) {
    var el = document.getElementById(id);
    if (!el) { return; }
    var chart = echarts.init(el);
    chart.setOption(option);
    charts.push(chart);
  };
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  return page;
};
