/* The page's one way to the server: the public GraphQL API at /graphql, with the operations of dashboard.graphql. */
import { OPERATIONS } from './operations.js';

/** An error of the API (with its code) or of the network, as the page shows it. */
export class ApiError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

/** POSTs the operation of dashboard.graphql with this name and returns its data; throws an ApiError on failure. */
export async function graphql(operationName, variables) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: OPERATIONS[operationName], operationName, variables: variables || {} }),
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new ApiError(`The server could not be reached (${error.message}).`, 'NETWORK_ERROR');
  }
  let body;
  try {
    body = await response.json();
  } catch {
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
