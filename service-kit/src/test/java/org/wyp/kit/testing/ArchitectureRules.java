package org.wyp.kit.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;
import org.wyp.kit.aggregate.AggregateStore;

/** The architecture rules every service's ArchUnit test applies to itself. */
public final class ArchitectureRules {

  /** Base packages of every service; a service may import none but its own. */
  public static final List<String> SERVICE_PACKAGES =
      List.of(
          "org.wyp.problemservice",
          "org.wyp.submissionservice",
          "org.wyp.judgingservice",
          "org.wyp.awardservice",
          "org.wyp.web");

  private ArchitectureRules() {}

  /** Controllers translate HTTP to commands; they reach data only through application services. */
  public static ArchRule controllersDoNotUseRepositories() {
    return noClasses()
        .that()
        .areAnnotatedWith(RestController.class)
        .should()
        .dependOnClassesThat()
        .areAnnotatedWith(Repository.class)
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(AggregateStore.class)
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.springframework.data.mongodb.core.MongoTemplate")
        .because("controllers translate HTTP; services orchestrate and own data access");
  }

  /** Services coordinate through events only, never through each other's code. */
  public static ArchRule noImportsFromOtherServices(String ownPackage) {
    String[] others =
        SERVICE_PACKAGES.stream()
            .filter(p -> !p.equals(ownPackage))
            .map(p -> p + "..")
            .toArray(String[]::new);
    return noClasses()
        .that()
        .resideInAPackage(ownPackage + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others)
        .because("services share only the event contracts in common-events");
  }
}
