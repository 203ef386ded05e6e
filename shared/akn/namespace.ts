/** The Akoma Ntoso 3.0 namespace. (Text is escaped for XML in shared/text/escape.ts.) */
export const AKN_NS = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';
