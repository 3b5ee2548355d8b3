/* The playground page: GraphiQL 3 (UMD build, served from node_modules) over /graphql, with a menu of the saved
 * operations in examples/operations.graphql. Plain browser script, no build step; it requests nothing but this
 * server. */
/* global React, ReactDOM, GraphiQL -- UMD builds that index.html loads before this script */
(function () {
  'use strict';
  var h = React.createElement;

  /** Whether the document text defines an operation of this name. */
  function definesOperation(query, name) {
    return new RegExp('(^|[^_0-9A-Za-z])(query|mutation|subscription)\\s+' + name + '(?![_0-9A-Za-z])').test(
      query || '',
    );
  }

  /**
   * POSTs to this server's /graphql; JSON only (no subscriptions). GraphiQL notes the operation name 100 ms after an
   * edit, so a run right after picking an example can carry the previous example's name: a name the document does
   * not define is dropped (a one-operation document then runs as it is).
   */
  function fetcher(params, options) {
    if (params.operationName && !definesOperation(params.query, params.operationName)) {
      params = Object.assign({}, params, { operationName: undefined });
    }
    var headers = Object.assign(
      { 'content-type': 'application/json', accept: 'application/json' },
      (options && options.headers) || {},
    );
    return fetch('/graphql', {
      method: 'POST',
      headers: headers,
      body: JSON.stringify(params),
      credentials: 'same-origin',
    })
      .then(function (response) {
        return response.json();
      })
      .then(withoutTraceUnlessAsked);
  }

  /**
   * A server run with TRACE_CYPHER=1 reports each request's Cypher in extensions.cypher: the result shows it only when
   * the "Cypher trace" box is ticked, so it does not bury the data of every answer.
   */
  function withoutTraceUnlessAsked(body) {
    if (!body || !body.extensions || !body.extensions.cypher || document.getElementById('cypher-trace').checked)
      return body;
    var extensions = Object.assign({}, body.extensions);
    delete extensions.cypher;
    var shown = Object.assign({}, body);
    if (Object.keys(extensions).length) shown.extensions = extensions;
    else delete shown.extensions;
    return shown;
  }

  /**
   * The operations of the examples file: blocks separated by blank lines, each a comment (its label) and one named
   * operation. Blocks without an operation (a file header) are skipped.
   */
  function parseExamples(text) {
    return text
      .replace(/\r\n/g, '\n')
      .split(/\n[ \t]*\n/)
      .map(function (block) {
        var source = block.trim();
        var match = /^(query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/m.exec(source);
        if (!match) return null;
        var comments = source.split('\n').filter(function (line) {
          return /^\s*#/.test(line);
        });
        var label = comments.length ? comments[0].replace(/^\s*#\s*/, '') : match[2];
        return { name: match[2], label: label, source: source + '\n' };
      })
      .filter(Boolean);
  }

  var examples = [];
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  var select = document.getElementById('examples');
  var note = document.getElementById('examples-note');
  var state = { schema: undefined, schemaSettled: false, pending: [] };

  /**
   * Opens each picked example in a new GraphiQL tab, so the text being edited is never overwritten. Rendered inside
   * GraphiQL (in its footer) to reach its editor context; draws nothing.
   */
  function ExampleOpener() {
    var editor = GraphiQL.React.useEditorContext({ nonNull: true });
    React.useEffect(function () {
      state.open = function (example) {
        editor.addTab();
        state.pending.push(example);
      };
      return function () {
        state.open = undefined;
      };
    });
    // The new tab is active once GraphiQL has drawn it: its editor then takes the example's text.
    React.useEffect(function () {
      if (!state.pending.length || !editor.queryEditor) return;
      var example = state.pending.shift();
      editor.queryEditor.setValue(example.source);
      if (editor.variableEditor) editor.variableEditor.setValue('');
      document.body.dataset.tabs = String(editor.tabs.length);
    });
    document.body.dataset.tabs = String(editor.tabs.length);
    return null;
  }

  function render() {
    // GraphiQL is first drawn once the schema file has answered, so it never introspects while it is on its way.
    if (!state.schemaSettled) return;
    root.render(
      h(
        GraphiQL,
        {
          fetcher: fetcher,
          // The schema from /playground/schema.json: docs and completion without introspection (off in production).
          schema: state.schema,
          defaultQuery: examples.length
            ? examples[0].source
            : '# Type a query, or pick an example above.\n{ stages { id name } }\n',
          defaultEditorToolsVisibility: false,
          shouldPersistHeaders: false,
          isHeadersEditorEnabled: true,
        },
        h(GraphiQL.Footer, null, h(ExampleOpener)),
      ),
    );
  }

  select.addEventListener('change', function () {
    var example = examples.find(function (candidate) {
      return candidate.name === select.value;
    });
    if (!example || !state.open) return;
    state.open(example);
    // Back to the placeholder: picking the same example again opens it again.
    select.value = '';
  });

  fetch('/playground/schema.json', { credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) throw new Error('schema.json: HTTP ' + response.status);
      return response.json();
    })
    .then(function (introspection) {
      state.schema = introspection;
    })
    // Without it GraphiQL asks /graphql, which answers where introspection is on.
    .catch(function () {
      state.schema = undefined;
    })
    .then(function () {
      state.schemaSettled = true;
      render();
    });

  fetch('/playground/examples.graphql', { credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) throw new Error('examples.graphql: HTTP ' + response.status);
      return response.text();
    })
    .then(function (text) {
      examples = parseExamples(text);
      select.textContent = '';
      var placeholder = document.createElement('option');
      placeholder.value = '';
      placeholder.textContent = 'Pick a saved operation (' + examples.length + ')…';
      select.appendChild(placeholder);
      examples.forEach(function (example) {
        var option = document.createElement('option');
        option.value = example.name;
        option.textContent = example.label + ' — ' + example.name;
        select.appendChild(option);
      });
      select.disabled = false;
      note.textContent = 'run with ▶ or Ctrl-Enter';
    })
    .catch(function (error) {
      note.textContent = 'The examples could not be loaded: ' + error.message;
    });
})();
