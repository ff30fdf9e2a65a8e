package org.wyp.problemservice;

import org.wyp.kit.testing.ContainersIntegrationTest;

/** The same event checks against Kafka and MongoDB containers, where a Docker engine exists. */
@ContainersIntegrationTest
class ProblemEventsContainersTest extends ProblemEventsContract {}
