/* The dashboard page: a partnership network, concentration per value-chain stage and a dependency explorer, drawn
 * with Cytoscape.js (served from node_modules) and plain HTML. Plain browser script, no build step; it asks nothing
 * of any host but this server, and only through the public GraphQL API at /graphql. */
(function () {
  'use strict';

  /** Every operation the page sends: the same ones a third-party dashboard would. */
  const QUERIES = {
    stages: `query Stages {
  stages { id name nameKo order layer }
}`,
    network: `query PartnershipNetwork($kinds: [PartnershipKind!], $asOf: PartialDate) {
  partnershipNetwork(kinds: $kinds, asOf: $asOf) {
    nodes { id label kind group size }
    edges { id source target partnershipKind announcedOn weight }
  }
}`,
    company: `query CompanyCard($id: ID!) {
  company(id: $id) {
    id name nameKo country description marketCapUsdBn marketCapAsOf
    models { id name nameKo releasedOn }
    services { id name nameKo }
    stages { id name nameKo order }
    sources { id name publisher publishedOn url }
  }
}`,
    concentration: `query Concentration($measure: ConcentrationMeasure!, $groupBy: ConcentrationGroup, $stage: ID) {
  concentration(measure: $measure, groupBy: $groupBy, stage: $stage) {
    measure groupBy total hhi cr1 cr4 level
    stage { id name }
    shares { key label value share members { id name nameKo } }
  }
}`,
    services: `query ServiceList($after: String) {
  services(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { id name nameKo }
  }
}`,
    upstream: `query Upstream($of: ID!) {
  upstream(of: $of) {
    root { id kind name nameKo }
    nodes {
      distance
      entity { id kind name nameKo ... on Company { country stages { id name layer } } }
    }
    steps { from to relation relations }
  }
}`,
  };

  /**
   * The contract's enum values (it never renames them; a test keeps these equal to the served schema). Written out
   * rather than introspected, since a production server answers no introspection.
   */
  const PARTNERSHIP_KINDS = ['INVESTMENT', 'LICENSING', 'SUPPLY', 'CLOUD', 'COLLABORATION', 'ACQUISITION'];
  const MEASURES = {
    MODELS: 'Foundation models developed; a co-developed model is split equally among its developers.',
    SERVICES: "Services built on the group's models (each service counted once per group it depends on).",
    MARKET_CAP: 'Market capitalisation of the participants.',
    ADOPTERS: "Companies adopting the group's models.",
  };
  const GROUPS = {
    COMPANY: '',
    COUNTRY: '',
    BLOC: 'Companies tied by INVESTMENT, ACQUISITION or LICENSING partnerships count as one bloc (e.g. Microsoft with OpenAI).',
  };

  const SHOWCASE_SERVICE = 'askup';
  const PALETTE = [
    '#4e79a7',
    '#f28e2b',
    '#59a14f',
    '#e15759',
    '#b07aa1',
    '#76b7b2',
    '#edc948',
    '#ff9da7',
    '#9c755f',
    '#2f4b7c',
    '#a0cbe8',
    '#8cd17d',
  ];
  const NO_GROUP = '#bab0ac';
  const KIND_COLOURS = {
    INVESTMENT: '#4e79a7',
    LICENSING: '#b07aa1',
    SUPPLY: '#f28e2b',
    CLOUD: '#76b7b2',
    COLLABORATION: '#9c9c9c',
    ACQUISITION: '#e15759',
  };
  const ENTITY_COLOURS = { SERVICE: '#59a14f', FOUNDATION_MODEL: '#b07aa1', COMPANY: '#4e79a7' };
  const ENTITY_WORDS = { SERVICE: 'service', FOUNDATION_MODEL: 'model', COMPANY: 'company' };
  const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

  // ---- GraphQL and the panels' states ----

  /** An error of the API (with its code) or of the network, as the page shows it. */
  class ApiError extends Error {
    constructor(message, code) {
      super(message);
      this.code = code;
    }
  }

  /** POSTs one operation to /graphql and returns its data; throws an ApiError carrying the first error's code. */
  async function graphql(query, variables) {
    let response;
    try {
      response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query, variables: variables || {} }),
        credentials: 'same-origin',
      });
    } catch (error) {
      throw new ApiError(`The server could not be reached (${error.message}).`, 'NETWORK_ERROR');
    }
    let body;
    try {
      body = await response.json();
    } catch (error) {
      throw new ApiError(
        `The server answered HTTP ${response.status} without a GraphQL response.`,
        `HTTP_${response.status}`,
      );
    }
    if (body.errors && body.errors.length > 0) {
      const first = body.errors[0];
      const messages = [...new Set(body.errors.map((error) => error.message))].join(' ');
      throw new ApiError(messages, (first.extensions && first.extensions.code) || 'UNKNOWN');
    }
    if (!body.data)
      throw new ApiError(`The server answered HTTP ${response.status} without data.`, `HTTP_${response.status}`);
    return body.data;
  }

  /**
   * Runs a query for a panel: "Loading…" while it runs, the error box when it fails, the result handed to `draw`
   * otherwise. Only the latest request of a panel is drawn, so a quick change of filters never shows stale data.
   */
  function runForPanel(panel, query, variables, draw) {
    const ticket = (panel.ticket = (panel.ticket || 0) + 1);
    setState(panel, 'loading');
    return graphql(query, variables).then(
      (data) => {
        if (ticket !== panel.ticket) return;
        setState(panel, 'ready');
        try {
          draw(data);
        } catch (error) {
          setState(panel, 'error', new ApiError(`The answer could not be drawn: ${error.message}`, 'CLIENT_ERROR'));
        }
      },
      (error) => {
        if (ticket !== panel.ticket) return;
        setState(panel, 'error', error);
      },
    );
  }

  /** Shows a panel's state: its status line, its error box and data-state (loading, ready, error). */
  function setState(panel, state, error) {
    panel.element.dataset.state = state;
    panel.element.querySelector('.status').textContent = state === 'loading' ? 'Loading…' : '';
    const box = panel.element.querySelector('.error');
    box.hidden = state !== 'error';
    box.textContent = '';
    if (state === 'error') {
      const code = document.createElement('strong');
      code.textContent = error.code || 'ERROR';
      box.append(code, ' ', error.message);
    }
  }

  // ---- small DOM helpers ----

  /** An element with a class and text. */
  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  /** "name (nameKo)" where a Korean name is given. */
  function displayName(entity) {
    return entity.nameKo ? `${entity.name} (${entity.nameKo})` : entity.name;
  }

  /** A country code with its English name: "KR · South Korea". */
  function countryName(code) {
    if (!code) return 'unknown';
    try {
      return `${code} · ${regionNames.of(code)}`;
    } catch (error) {
      return code;
    }
  }

  function fillSelect(select, options) {
    select.textContent = '';
    for (const option of options) {
      const node = element('option', '', option.label);
      node.value = option.value;
      if (option.title) node.title = option.title;
      select.append(node);
    }
  }

  const number = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });

  // ---- 1. Partnership network ----

  const network = { element: document.getElementById('network-panel'), months: [], colours: new Map() };

  /**
   * The months of the "as of" slider, from the earliest dated deal to the latest. asOf takes a month as its first day
   * ("2019-08" keeps what was announced by 2019-08-01), so each position is the month after a deal's month.
   */
  function sliderMonths(edges) {
    const dates = edges
      .map((edge) => edge.announcedOn)
      .filter(Boolean)
      .sort();
    if (dates.length === 0) return [];
    const [firstYear, firstMonth] = monthOf(dates[0]);
    const [lastYear, lastMonth] = monthOf(dates[dates.length - 1]);
    const months = [];
    for (let index = firstYear * 12 + firstMonth + 1; index <= lastYear * 12 + lastMonth + 1; index += 1) {
      months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
    }
    return months;
  }

  /** A partial date's year and zero-based month ("2023" counts as January). */
  function monthOf(date) {
    const [year, month] = date.split('-');
    return [Number(year), month ? Number(month) - 1 : 0];
  }

  /** The network query's variables from the controls: null kinds when all are ticked, null asOf for "now". */
  function networkVariables() {
    const boxes = [...document.querySelectorAll('#kinds input')];
    const ticked = boxes.filter((box) => box.checked).map((box) => box.value);
    const slider = document.getElementById('as-of');
    const asOf = network.months[Number(slider.value)] || null;
    return { kinds: ticked.length === boxes.length ? null : ticked, asOf };
  }

  function showAsOf() {
    const asOf = network.months[Number(document.getElementById('as-of').value)];
    document.getElementById('as-of-label').textContent = asOf ? `${asOf}-01` : 'now (undated deals too)';
  }

  function loadNetwork() {
    const variables = networkVariables();
    network.element.dataset.variables = JSON.stringify(variables);
    return runForPanel(network, QUERIES.network, variables, (data) => drawNetwork(data.partnershipNetwork));
  }

  /** A stable colour per country, the most frequent countries first. */
  function assignColours(nodes) {
    const counts = new Map();
    for (const node of nodes) if (node.group) counts.set(node.group, (counts.get(node.group) || 0) + 1);
    const ordered = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([group]) => group);
    for (const group of ordered)
      if (!network.colours.has(group)) network.colours.set(group, PALETTE[network.colours.size % PALETTE.length]);
  }

  function drawNetwork(result) {
    assignColours(result.nodes);
    const cy = network.cy;
    cy.elements().remove();
    cy.add([
      ...result.nodes.map((node) => ({ data: { ...node, colour: network.colours.get(node.group) || NO_GROUP } })),
      ...result.edges.map((edge) => ({ data: { ...edge, colour: KIND_COLOURS[edge.partnershipKind] || '#777' } })),
    ]);
    cy.layout({
      name: 'cose',
      animate: false,
      nodeDimensionsIncludeLabels: true,
      nodeRepulsion: () => 50000,
      nodeOverlap: 20,
      idealEdgeLength: () => 45,
      componentSpacing: 60,
      gravity: 250,
      padding: 20,
    }).run();
    const container = document.getElementById('network');
    container.dataset.nodes = String(cy.nodes().length);
    container.dataset.edges = String(cy.edges().length);
    drawLegend(result.nodes);
    if (result.nodes.length === 0)
      network.element.querySelector('.status').textContent = 'No partnership matches these filters.';
  }

  /** The countries of the drawn nodes, with their colours and counts. */
  function drawLegend(nodes) {
    const legend = document.getElementById('legend');
    legend.textContent = '';
    const counts = new Map();
    for (const node of nodes) counts.set(node.group, (counts.get(node.group) || 0) + 1);
    for (const [group, count] of [...counts].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))) {
      const item = element('li');
      const swatch = element('span', 'swatch');
      swatch.style.background = network.colours.get(group) || NO_GROUP;
      item.append(swatch, `${countryName(group)} (${count})`);
      legend.append(item);
    }
  }

  function createNetworkGraph() {
    network.cy = cytoscape({
      container: document.getElementById('network'),
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(colour)',
            label: 'data(label)',
            width: (node) => 20 + 8 * Math.sqrt(node.data('size')),
            height: (node) => 20 + 8 * Math.sqrt(node.data('size')),
            'font-size': 16,
            'text-valign': 'bottom',
            'text-margin-y': 3,
            'text-outline-color': '#fff',
            'text-outline-width': 2,
          },
        },
        { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#222' } },
        {
          selector: 'edge',
          style: {
            width: 3,
            'line-color': 'data(colour)',
            'target-arrow-color': 'data(colour)',
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
            'arrow-scale': 0.8,
          },
        },
      ],
    });
    network.cy.on('tap', 'node', (event) => showCompany(event.target.id()));
  }

  /** The kind checkboxes (coloured like their edges) and the "as of" slider, wired to reload the network. */
  function setUpNetworkControls(kinds, months) {
    const fieldset = document.getElementById('kinds');
    for (const kind of kinds) {
      const label = element('label', 'kind');
      const box = element('input');
      box.type = 'checkbox';
      box.value = kind;
      box.checked = true;
      box.addEventListener('change', loadNetwork);
      const swatch = element('span', 'swatch line');
      swatch.style.background = KIND_COLOURS[kind] || '#777';
      label.append(box, swatch, kind.toLowerCase());
      fieldset.append(label);
    }
    network.months = months;
    const slider = document.getElementById('as-of');
    slider.max = String(months.length);
    slider.value = String(months.length);
    slider.disabled = false;
    slider.addEventListener('input', showAsOf);
    slider.addEventListener('change', loadNetwork);
    showAsOf();
  }

  // ---- the company card ----

  const card = { element: document.getElementById('company-card') };

  function showCompany(id) {
    card.element.dataset.company = id;
    card.ticket = (card.ticket || 0) + 1;
    const ticket = card.ticket;
    card.element.textContent = '';
    card.element.append(element('p', 'status', 'Loading…'));
    graphql(QUERIES.company, { id }).then(
      (data) => {
        if (ticket === card.ticket) drawCard(data.company, id);
      },
      (error) => {
        if (ticket !== card.ticket) return;
        card.element.textContent = '';
        const box = element('div', 'error');
        box.append(element('strong', '', error.code), ' ', error.message);
        card.element.append(box);
      },
    );
  }

  function drawCard(company, id) {
    card.element.textContent = '';
    if (!company) {
      card.element.append(element('p', 'hint', `No company has id "${id}".`));
      return;
    }
    card.element.append(element('h3', 'name', displayName(company)));
    const facts = [countryName(company.country)];
    if (company.marketCapUsdBn !== null)
      facts.push(`market cap USD ${number.format(company.marketCapUsdBn)} bn (${company.marketCapAsOf})`);
    card.element.append(element('p', 'facts', facts.join(' · ')));
    if (company.description) card.element.append(element('p', 'description', company.description));
    const stages = [...company.stages].sort((a, b) => a.order - b.order);
    appendList(
      'Models',
      company.models.map((model) => displayName(model) + (model.releasedOn ? `, ${model.releasedOn}` : '')),
    );
    appendList('Services', company.services.map(displayName));
    appendList('Value-chain stages', stages.map(displayName));
    appendSources(company.sources);
  }

  function appendList(title, items) {
    card.element.append(element('h4', '', `${title} (${items.length})`));
    if (items.length === 0) {
      card.element.append(element('p', 'hint', 'none in the graph'));
      return;
    }
    const list = element('ul');
    for (const item of items) list.append(element('li', '', item));
    card.element.append(list);
  }

  /** Sources as text with their URL as a link (opened by the reader, never fetched by the page). */
  function appendSources(sources) {
    card.element.append(element('h4', '', `Sources (${sources.length})`));
    const list = element('ul', 'sources');
    for (const source of sources) {
      const item = element('li');
      const details = [source.publisher, source.publishedOn].filter(Boolean).join(', ');
      item.append(source.name + (details ? ` (${details})` : ''));
      if (source.url) {
        const link = element('a', '', source.url);
        link.href = source.url;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        item.append(' ', link);
      }
      list.append(item);
    }
    card.element.append(list);
  }

  // ---- 2. Concentration ----

  const concentration = { element: document.getElementById('concentration-panel') };

  function concentrationVariables() {
    const stage = document.getElementById('stage').value;
    return {
      measure: document.getElementById('measure').value,
      groupBy: document.getElementById('group-by').value,
      stage: stage || null,
    };
  }

  /** What the chosen measure and grouping count, in the schema's own words. */
  function explainConcentration() {
    const chosen = [document.getElementById('measure'), document.getElementById('group-by')].map(
      (select) => select.selectedOptions[0],
    );
    document.getElementById('measure-note').textContent = chosen
      .map((option) => option && option.title)
      .filter(Boolean)
      .join(' ');
  }

  function loadConcentration() {
    explainConcentration();
    const variables = concentrationVariables();
    concentration.element.dataset.variables = JSON.stringify(variables);
    return runForPanel(concentration, QUERIES.concentration, variables, (data) =>
      drawConcentration(data.concentration),
    );
  }

  /** A share's label, with the Korean name of a company where it has one. */
  function shareLabel(share, groupBy) {
    if (groupBy !== 'COMPANY') return share.label;
    const company = share.members.find((member) => member.id === share.key);
    return company ? displayName(company) : share.label;
  }

  function drawConcentration(result) {
    const hhi = document.getElementById('hhi');
    hhi.dataset.hhi = String(result.hhi);
    hhi.dataset.level = result.level;
    hhi.textContent = '';
    hhi.append(
      element('strong', '', `HHI ${number.format(result.hhi)}`),
      ' ',
      element('span', `level ${result.level.toLowerCase()}`, result.level),
      ` · total ${number.format(result.total)} · CR1 ${percent.format(result.cr1)} · CR4 ${percent.format(result.cr4)}` +
        (result.stage ? ` · stage: ${result.stage.name}` : ' · all stages'),
    );
    const bars = document.getElementById('bars');
    bars.textContent = '';
    bars.dataset.count = String(result.shares.length);
    if (result.shares.length === 0) bars.append(element('p', 'hint', 'No company holds a value here.'));
    for (const share of result.shares) {
      const row = element('div', 'bar-row');
      row.dataset.key = share.key;
      const bar = element('div', 'bar');
      bar.style.width = `${Math.max(share.share * 100, 0.5)}%`;
      const track = element('div', 'track');
      track.append(bar);
      row.append(
        element('span', 'bar-label', shareLabel(share, result.groupBy)),
        track,
        element('span', 'bar-value', `${percent.format(share.share)} (${number.format(share.value)})`),
      );
      row.title = share.members.map(displayName).join(', ');
      bars.append(row);
    }
  }

  function setUpConcentrationControls(stages) {
    const describe = ([name, description]) => ({
      value: name,
      label: name.toLowerCase().replace('_', ' '),
      title: description,
    });
    fillSelect(document.getElementById('measure'), Object.entries(MEASURES).map(describe));
    fillSelect(document.getElementById('group-by'), Object.entries(GROUPS).map(describe));
    const ordered = [...stages].sort((a, b) => a.order - b.order);
    fillSelect(document.getElementById('stage'), [
      { value: '', label: 'all stages' },
      ...ordered.map((stage) => ({ value: stage.id, label: displayName(stage) })),
    ]);
    for (const id of ['measure', 'group-by', 'stage']) {
      const select = document.getElementById(id);
      select.disabled = false;
      select.addEventListener('change', loadConcentration);
    }
  }

  // ---- 3. Dependency explorer ----

  const explorer = { element: document.getElementById('explorer-panel') };

  /** Every service, page by page, by name. */
  async function allServices() {
    const services = [];
    let after = null;
    do {
      const page = (await graphql(QUERIES.services, { after })).services;
      services.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return services.sort((a, b) => a.name.localeCompare(b.name));
  }

  function loadUpstream() {
    const of = document.getElementById('service').value;
    explorer.element.dataset.variables = JSON.stringify({ of });
    return runForPanel(explorer, QUERIES.upstream, { of }, (data) => drawUpstream(data.upstream));
  }

  /** A node's label on the canvas: its name, and for a company its infrastructure stages (cloud, AI chips, foundry ...). */
  function upstreamLabel(entity) {
    const infrastructure = (entity.stages || [])
      .filter((stage) => stage.layer === 'INFRASTRUCTURE')
      .map((stage) => stage.name.replace(/\s*\(.*\)$/, ''));
    return infrastructure.length ? `${entity.name}\n${infrastructure.join(', ')}` : entity.name;
  }

  function drawUpstream(result) {
    const nodes = [{ entity: result.root, distance: 0 }, ...result.nodes];
    const cy = explorer.cy;
    cy.elements().remove();
    cy.add([
      ...nodes.map(({ entity, distance }) => ({
        data: {
          id: entity.id,
          label: upstreamLabel(entity),
          kind: entity.kind,
          distance,
          colour: ENTITY_COLOURS[entity.kind] || NO_GROUP,
        },
      })),
      ...mergeSteps(result.steps).map((step) => ({
        data: { id: `${step.from}->${step.to}`, source: step.from, target: step.to, label: step.relations.join(' / ') },
      })),
    ]);
    cy.layout({ name: 'preset', positions: layerPositions(nodes), fit: true, padding: 30, animate: false }).run();
    if (cy.zoom() > 1.4) cy.zoom({ level: 1.4, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    const container = document.getElementById('upstream');
    container.dataset.nodes = String(cy.nodes().length);
    container.dataset.edges = String(cy.edges().length);
    drawLayers(nodes);
  }

  /** Layers left to right by distance from the root; in a layer, services, then models, then companies, by name. */
  function layerPositions(nodes) {
    const order = ['SERVICE', 'FOUNDATION_MODEL', 'COMPANY'];
    const layers = new Map();
    for (const node of nodes) layers.set(node.distance, [...(layers.get(node.distance) || []), node.entity]);
    const positions = {};
    for (const [distance, entities] of layers) {
      entities.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.name.localeCompare(b.name));
      entities.forEach((entity, index) => {
        positions[entity.id] = { x: distance * 200, y: (index - (entities.length - 1) / 2) * 90 };
      });
    }
    return positions;
  }

  /** One edge per pair of entities, listing every relation between them (OpenAI on Microsoft: INVESTED_BY / HOSTED_BY ...). */
  function mergeSteps(steps) {
    const byPair = new Map();
    for (const step of steps) {
      const key = `${step.from}->${step.to}`;
      const merged = byPair.get(key) || { from: step.from, to: step.to, relations: [] };
      for (const relation of step.relations) if (!merged.relations.includes(relation)) merged.relations.push(relation);
      byPair.set(key, merged);
    }
    return [...byPair.values()];
  }

  /** The same graph as text, one line per distance: "2 steps: OpenAI (오픈AI) company". */
  function drawLayers(nodes) {
    const list = document.getElementById('layers');
    list.textContent = '';
    const byDistance = new Map();
    for (const node of nodes) byDistance.set(node.distance, [...(byDistance.get(node.distance) || []), node.entity]);
    for (const [distance, entities] of byDistance) {
      const item = element('li');
      item.append(element('strong', '', distance === 0 ? 'root' : `${distance} step${distance === 1 ? '' : 's'}`), ' ');
      item.append(
        entities
          .map((entity) => `${displayName(entity)} ${ENTITY_WORDS[entity.kind] || entity.kind.toLowerCase()}`)
          .join(' · '),
      );
      list.append(item);
    }
  }

  function createUpstreamGraph() {
    explorer.cy = cytoscape({
      container: document.getElementById('upstream'),
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(colour)',
            label: 'data(label)',
            shape: (node) =>
              node.data('kind') === 'COMPANY'
                ? 'round-rectangle'
                : node.data('kind') === 'SERVICE'
                  ? 'diamond'
                  : 'ellipse',
            width: 22,
            height: 22,
            'font-size': 11,
            'text-wrap': 'wrap',
            'text-valign': 'bottom',
            'text-margin-y': 3,
            'text-outline-color': '#fff',
            'text-outline-width': 2,
          },
        },
        {
          selector: 'edge',
          style: {
            width: 1.5,
            'line-color': '#98a2b3',
            'target-arrow-color': '#98a2b3',
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
            label: 'data(label)',
            'font-size': 9,
            color: '#556',
            'text-rotation': 'autorotate',
            'text-background-color': '#fff',
            'text-background-opacity': 0.8,
          },
        },
      ],
    });
  }

  function setUpExplorerControls(services) {
    const select = document.getElementById('service');
    fillSelect(
      select,
      services.map((service) => ({ value: service.id, label: displayName(service) })),
    );
    if (services.some((service) => service.id === SHOWCASE_SERVICE)) select.value = SHOWCASE_SERVICE;
    select.disabled = false;
    select.addEventListener('change', loadUpstream);
  }

  // ---- start ----

  /** Each panel starts on its own, so one failing query leaves the others working. */
  function start() {
    createNetworkGraph();
    createUpstreamGraph();
    window.dashboard = { network: network.cy, upstream: explorer.cy, queries: QUERIES };
    startNetwork();
    startConcentration();
    startExplorer();
  }

  /** The first view of the network is every partnership now; its dates give the slider its months. */
  function startNetwork() {
    runForPanel(network, QUERIES.network, { kinds: null, asOf: null }, (data) => {
      setUpNetworkControls(PARTNERSHIP_KINDS, sliderMonths(data.partnershipNetwork.edges));
      network.element.dataset.variables = JSON.stringify(networkVariables());
      drawNetwork(data.partnershipNetwork);
    });
  }

  /** The stages fill the stage menu; then the first measure, by company, over all stages. */
  function startConcentration() {
    runForPanel(concentration, QUERIES.stages, {}, (data) => {
      setUpConcentrationControls(data.stages);
      loadConcentration();
    });
  }

  function startExplorer() {
    setState(explorer, 'loading');
    allServices().then(
      (services) => {
        setUpExplorerControls(services);
        if (services.length > 0) loadUpstream();
        else setState(explorer, 'ready');
      },
      (error) => setState(explorer, 'error', error),
    );
  }

  start();
})();
