/* 2. Concentration per value-chain stage: concentration(measure, groupBy, stage, asOf) as HHI, CR1, CR4 and bars. */
import { element, fillSelect } from './dom.js';
import { displayName, measureValue, number, percent } from './format.js';
import { panel, runForPanel } from './panel.js';
import { readState, writeState } from './state.js';

/** What a measure's value is called in "3 of 5 companies in AI chips have no market cap". */
const VALUE_NAMES = {
  MODELS: 'model',
  SERVICES: 'service built on their models',
  MARKET_CAP: 'market cap',
  ADOPTERS: 'adopter of their models',
  TRAINING_COMPUTE: 'known training compute',
  HOSTED_MODELS: 'model offer',
  COMPUTE: 'compute estimate',
};

/**
 * The contract's ConcentrationMeasure and ConcentrationGroup values with what they count (a test keeps them equal to
 * the served schema). Written out rather than introspected, since a production server answers no introspection.
 */
const MEASURES = {
  MODELS: 'Foundation models developed; a co-developed model is split equally among its developers.',
  SERVICES: "Services built on the group's models (each service counted once per group it depends on).",
  MARKET_CAP: 'Market capitalisation of the participants.',
  ADOPTERS: "Companies adopting the group's models.",
  TRAINING_COMPUTE:
    "Training compute (FLOP) of the models developed; a co-developed model's compute is split equally among its " +
    'developers, and a model of unknown compute counts zero.',
  HOSTED_MODELS: 'Model offers served by inference providers (one per provider and model).',
  COMPUTE:
    "AI accelerators owned, in H100-equivalents: each owner's newest estimate per vendor on or before the as-of " +
    'date (the newest there is when none is given).',
};
const GROUPS = {
  COMPANY: '',
  COUNTRY: '',
  BLOC:
    'Companies tied by INVESTMENT, ACQUISITION or LICENSING partnerships, and a company with its parent ' +
    '(SUBSIDIARY_OF), count as one bloc (e.g. Microsoft with OpenAI, Google with Google DeepMind).',
};

const concentration = panel('concentration-panel');

/** The panel's arguments; an empty as-of date is null, the graph as it stands now. */
function concentrationVariables() {
  const stage = document.getElementById('stage').value;
  const asOf = document.getElementById('concentration-as-of').value.trim();
  const variables = {
    measure: document.getElementById('measure').value,
    groupBy: document.getElementById('group-by').value,
    stage: stage || null,
    asOf: asOf || null,
  };
  // Asked for only when ticked: the API's default leaves comparison-only companies out.
  if (document.getElementById('comparison-only').checked) variables.includeComparisonOnly = true;
  return variables;
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
  writeState({
    measure: variables.measure === 'MODELS' ? null : variables.measure,
    groupBy: variables.groupBy === 'COMPANY' ? null : variables.groupBy,
    stage: variables.stage,
    cAsOf: variables.asOf,
    cmp: variables.includeComparisonOnly ? '1' : null,
  });
  return runForPanel(concentration, 'Concentration', variables, (data) => drawConcentration(data.concentration));
}

/** A share's label, with the Korean name of a company where it has one. */
function shareLabel(share, groupBy) {
  if (groupBy !== 'COMPANY') return share.label;
  const company = share.members.find((member) => member.id === share.key);
  return company ? displayName(company) : share.label;
}

/**
 * Whether the index means anything: the API's enoughData where it answers it, otherwise at least two participants
 * with a value (one alone is 100 % of nothing measured).
 */
function enoughData(result) {
  if (typeof result.enoughData === 'boolean') return result.enoughData;
  return result.shares.filter((share) => share.value > 0).length >= 2;
}

/** "3 of 5 companies in AI chips have no market cap": the population and who lacks a value, where the API says so. */
function populationNote(result) {
  const where = result.stage ? ` in ${result.stage.name}` : '';
  const valued = result.shares.filter((share) => share.value > 0).length;
  const unit = result.groupBy === 'COMPANY' ? 'companies' : `${result.groupBy.toLowerCase()} groups`;
  const valueName = VALUE_NAMES[result.measure] || result.measure.toLowerCase();
  if (typeof result.population === 'number' && typeof result.withoutValue === 'number') {
    const companies = (count) => `${number.format(count)} compan${count === 1 ? 'y' : 'ies'}`;
    const comparison = result.includeComparisonOnly ? ', comparison-only companies included' : '';
    return (
      `${number.format(result.withoutValue)} of ${companies(result.population)}${where} ` +
      `${result.withoutValue === 1 ? 'has' : 'have'} no ${valueName}; ` +
      `${number.format(valued)} ${unit} hold a share${comparison}.`
    );
  }
  return `${number.format(valued)} ${unit}${where} hold a value (${valueName}); those without one are not counted.`;
}

function drawConcentration(result) {
  const hhi = document.getElementById('hhi');
  const enough = enoughData(result);
  hhi.dataset.hhi = String(result.hhi);
  hhi.dataset.level = result.level;
  hhi.dataset.enough = String(enough);
  hhi.textContent = '';
  const scope =
    (result.stage ? ` · stage: ${result.stage.name}` : ' · all stages') +
    (result.asOf ? ` · as of ${result.asOf}` : ' · now');
  if (enough)
    hhi.append(
      element('strong', '', `HHI ${number.format(result.hhi)}`),
      ' ',
      element('span', `level ${result.level.toLowerCase()}`, result.level),
      ` · total ${measureValue(result.measure, result.total)} · CR1 ${percent.format(result.cr1)} · ` +
        `CR4 ${percent.format(result.cr4)}` +
        scope,
    );
  else
    hhi.append(
      element('strong', '', 'Not enough data'),
      ' ',
      element('span', 'level not-enough', 'NO INDEX'),
      ' · fewer than two participants have a value, so no concentration can be measured' + scope,
    );
  const population = document.getElementById('population');
  population.textContent = populationNote(result);
  if (typeof result.population === 'number') population.dataset.population = String(result.population);
  if (typeof result.withoutValue === 'number') population.dataset.withoutValue = String(result.withoutValue);
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
      element('span', 'bar-value', `${percent.format(share.share)} (${measureValue(result.measure, share.value)})`),
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
  const wanted = {
    measure: readState('measure'),
    'group-by': readState('groupBy'),
    stage: readState('stage'),
    'concentration-as-of': readState('cAsOf'),
  };
  for (const [id, value] of Object.entries(wanted)) {
    const control = document.getElementById(id);
    if (value === null) continue;
    if (control.tagName === 'SELECT' && ![...control.options].some((option) => option.value === value)) continue;
    control.value = value;
  }
  document.getElementById('comparison-only').checked = readState('cmp') === '1';
  for (const id of ['measure', 'group-by', 'stage', 'concentration-as-of', 'comparison-only']) {
    const control = document.getElementById(id);
    control.disabled = false;
    control.addEventListener('change', loadConcentration);
  }
}

/** Fills the stage menu from the stages, then shows the first measure, by company, over all stages. */
export function startConcentration() {
  runForPanel(concentration, 'Stages', {}, (data) => {
    setUpConcentrationControls(data.stages);
    loadConcentration();
  });
}
