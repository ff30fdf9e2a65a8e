package org.wyp.events.problem;

import java.util.List;

/** The public text of a problem statement, as published and as updated. */
public record ProblemContent(
    String title,
    String summary,
    String description,
    String theme,
    String ownerOrganisation,
    List<String> boroughs,
    String evidence,
    List<Dataset> datasets,
    List<String> successMeasures) {

  /** A civic data set that could help, and how open it is. */
  public record Dataset(String name, String url, DataAccessLevel accessLevel) {}

  /** Where a data set sits on the data spectrum. */
  public enum DataAccessLevel {
    OPEN,
    SHARED,
    CLOSED
  }
}
