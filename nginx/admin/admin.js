// The admin site's session and API client, shared by its pages.

import { createApi, Session } from '/shared/api.js';
import { flash } from '/shared/dom.js';

export const session = new Session('polyshop.admin.session');

export const api = createApi(session, {
  onSignedOut: () => {
    flash('Your session has ended. Please log in again.', 'error');
    window.dispatchEvent(new Event('polyshop:session'));
  },
});

/** Signed in as a manager (the admin site's only role). */
export const isSignedIn = () => session.current?.role === 'manager';
