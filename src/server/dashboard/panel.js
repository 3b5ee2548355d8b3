/* A panel of the page (network, concentration, explorer): its section element and the state it shows. */
import { ApiError, graphql } from './api.js';

/** The panel of the section with this id, before its first request. */
export function panel(id) {
  return { element: document.getElementById(id), ticket: 0 };
}

/**
 * Runs an operation for a panel: "Loading…" while it runs, the error box when it fails, the result handed to `draw`
 * otherwise. Only the latest request of a panel is drawn, so a quick change of filters never shows stale data.
 */
export function runForPanel(target, operationName, variables, draw) {
  const ticket = (target.ticket += 1);
  setState(target, 'loading');
  return graphql(operationName, variables).then(
    (data) => {
      if (ticket !== target.ticket) return;
      setState(target, 'ready');
      try {
        draw(data);
      } catch (error) {
        setState(target, 'error', new ApiError(`The answer could not be drawn: ${error.message}`, 'CLIENT_ERROR'));
      }
    },
    (error) => {
      if (ticket !== target.ticket) return;
      setState(target, 'error', error);
    },
  );
}

/** Shows a panel's state: its status line, its error box and data-state (loading, ready, error). */
export function setState(target, state, error) {
  target.element.dataset.state = state;
  target.element.querySelector('.status').textContent = state === 'loading' ? 'Loading…' : '';
  const box = target.element.querySelector('.error');
  box.hidden = state !== 'error';
  box.textContent = '';
  if (state === 'error') {
    const code = document.createElement('strong');
    code.textContent = error.code || 'ERROR';
    box.append(code, ' ', error.message);
  }
}
