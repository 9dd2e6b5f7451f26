/**
 * The follow-up of victims' police reports (aangiften) in the criminal-justice chain: of the reports filed in a
 * year, the share followed within a window by registration of a case at the public prosecutor, a summons or a
 * conviction, with censoring of reports too recent for the window, and the Kaplan&ndash;Meier curve of the time to
 * the first such event. The input links a police report to the cases it led to
 * ({@link org.tipmonitor.model.PoliceReport}, exchange format 1.1). The 2019 letter to parliament: the reports of
 * victims with a Dublin status "often do not lead to prosecution".
 */
package org.tipmonitor.indicators.followup;
