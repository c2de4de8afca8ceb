/**
 * Consumer stores: where delivered keys, claims and feed state live (memory, JDBC for PostgreSQL and H2, Camel's
 * repositories). Public API: applications create and share them.
 */
package org.camelbigmarker.state;
