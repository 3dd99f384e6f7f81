// Renders Apache ECharts options into Vaadin components (see EChart.java). Plain script, no bundler.
(function () {
  if (window.burnrateCharts) {
    return;
  }
  window.burnrateCharts = {
    render(element, optionJson) {
      const option = JSON.parse(optionJson);
      const dark = document.documentElement.getAttribute('theme') === 'dark';
      const chart = window.echarts.getInstanceByDom(element) || window.echarts.init(element, dark ? 'dark' : null);
      chart.setOption(option, true);
      if (!element.__burnrateResize) {
        element.__burnrateResize = new ResizeObserver(() => chart.resize());
        element.__burnrateResize.observe(element);
      }
      const count = Number(element.getAttribute('data-render-count') || 0) + 1;
      element.setAttribute('data-render-count', String(count));
    }
  };
})();
