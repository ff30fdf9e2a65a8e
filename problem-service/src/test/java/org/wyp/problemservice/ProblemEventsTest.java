package org.wyp.problemservice;

import org.wyp.kit.testing.ServiceIntegrationTest;

/** Problem-service's events on the embedded KRaft broker and MongoDB wire server. */
@ServiceIntegrationTest
class ProblemEventsTest extends ProblemEventsContract {}
