// Draws the dashboard's charts from the JSON the server embedded. Suppressed weeks arrive as null and are
// drawn as gaps, never as zero.
(function () {
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }
  ready(function () {
    var source = document.getElementById('chart-data');
    if (!source || typeof echarts === 'undefined') { return; }
    var data = JSON.parse(source.textContent);
    var gap = ' (gaps: ' + data.suppressedLabel + ')';
    var trend = echarts.init(document.getElementById('trend-chart'), null, { renderer: 'canvas' });
    trend.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: ['Active people', 'Breaks taken', 'Exercise minutes'] },
      xAxis: { type: 'category', data: data.weeks, name: gap, nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'value' },
      series: [
        { name: 'Active people', type: 'line', data: data.active, connectNulls: false },
        { name: 'Breaks taken', type: 'bar', data: data.breaksTaken },
        { name: 'Exercise minutes', type: 'line', data: data.exerciseMinutes, connectNulls: false }
      ]
    });
    var target = echarts.init(document.getElementById('target-chart'), null, { renderer: 'canvas' });
    target.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: ['Breaks taken per reminder sent'] },
      xAxis: { type: 'category', data: data.weeks },
      yAxis: { type: 'value', name: '%' },
      series: [
        { name: 'Breaks taken per reminder sent', type: 'bar', data: data.breakUptakePercent }
      ]
    });
    var risk = echarts.init(document.getElementById('risk-chart'), null, { renderer: 'canvas' });
    if (data.risk && data.risk.rosa) {
      var labels = ['ROSA 1-2', 'ROSA 3-4', 'ROSA 5+ act now', 'LOW', 'MODERATE', 'HIGH'];
      var values = [data.risk.rosa['1-2'], data.risk.rosa['3-4'], data.risk.rosa['5+'],
        data.risk.workstation.LOW, data.risk.workstation.MODERATE, data.risk.workstation.HIGH];
      risk.setOption({
        animation: false,
        tooltip: {},
        xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: 20 } },
        yAxis: { type: 'value', name: 'people', minInterval: 1 },
        series: [{ type: 'bar', data: values }]
      });
    } else {
      risk.setOption({ title: { text: data.riskLabel || data.suppressedLabel, left: 'center', top: 'middle' } });
    }
    window.uprightChartsReady = true;
  });
})();
