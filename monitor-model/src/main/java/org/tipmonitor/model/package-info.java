/**
 * The data model of the Dutch human-trafficking monitors: typed, immutable records for presumed victims and
 * their registrations at the national registration centre, offenders and their prosecution chain, and the
 * police-signal view, with code lists and Jakarta Bean Validation constraints.
 *
 * <p>Registration, person and case are different units: a {@link org.tipmonitor.model.Victim} may have several
 * {@link org.tipmonitor.model.Registration}s, an {@link org.tipmonitor.model.Offender} several
 * {@link org.tipmonitor.model.OffenderCase}s. Every categorical field has an explicit {@code unknown}; every
 * rule has a stable code listed in {@link org.tipmonitor.model.ModelRule}. No type holds a name, citizen service
 * number, address or free text about a person.
 */
package org.tipmonitor.model;
