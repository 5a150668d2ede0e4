// The storefront's session and API client, shared by its pages.

import { createApi, Session } from '/shared/api.js';
import { flash } from '/shared/dom.js';

export const session = new Session('polyshop.storefront.session');

export const api = createApi(session, {
  onSignedOut: () => {
    flash('Your session has ended. Please log in again.', 'error');
    window.dispatchEvent(new Event('polyshop:session'));
  },
});

/** Signed in as a shopper (the storefront's only role). */
export const isSignedIn = () => session.current?.role === 'customer';
