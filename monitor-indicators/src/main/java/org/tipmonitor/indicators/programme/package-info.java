/**
 * Progress of a programme's measures against their plans (the 2019 letter to parliament: "coordination and
 * monitoring of Samen tegen mensenhandel is missing"): each measure's status on a day and whether it was
 * implemented on time, is delayed or has not started, per responsible organisation.
 */
package org.tipmonitor.indicators.programme;
