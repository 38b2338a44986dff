// React 18 knows no `inert` prop and passes it through as an attribute: an empty string makes the
// element inert, `undefined` leaves the attribute off (a boolean would be dropped with a warning).
import 'react';

declare module 'react' {
  // Merged declarations must repeat the interface's type parameter, used or not.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface HTMLAttributes<T> {
    inert?: '' | undefined;
  }
}
