/**
 * The residence scheme for victims of trafficking (chapter B8/3 of the Aliens Circular 2000) by Dublin status and
 * year: the stages recorded at registration, entries into the reflection period, the stage transitions seen across
 * a person's registrations, a before/after comparison around a change of the scheme, and, from dated stages, the time
 * in the reflection period with honest censoring ({@link org.tipmonitor.indicators.residence.ReflectionPeriod}). The 2019 letter to
 * parliament: "because of the high influx, the residence scheme for trafficking was recently adjusted for this
 * group" (victims with a Dublin status); since 2023-05-18 Dublin claimants get a 30-day reflection period (Stcrt.
 * 2023, 13577).
 */
package org.tipmonitor.indicators.residence;
