package org.wyp.kit.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Reads the {@link Caller} from the request's authentication. */
public final class Callers {

  public static final String ROLES_CLAIM = "roles";
  public static final String SME_ID_CLAIM = "sme_id";
  public static final String JUDGE_ID_CLAIM = "judge_id";
  public static final String ORGANISATION_CLAIM = "organisation";

  private Callers() {}

  /** The caller of the current request; anonymous when it carries no valid token. */
  public static Caller current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof JwtAuthenticationToken token) {
      return of(token.getToken());
    }
    return Caller.ANONYMOUS;
  }

  /**
   * The caller a validated token describes. Unknown role names are ignored; a binding claim that is
   * not a UUID binds nothing (so it can never match an object).
   */
  public static Caller of(Jwt jwt) {
    return new Caller(
        jwt.getSubject(),
        roles(jwt),
        uuid(jwt.getClaimAsString(SME_ID_CLAIM)),
        uuid(jwt.getClaimAsString(JUDGE_ID_CLAIM)),
        jwt.getClaimAsString(ORGANISATION_CLAIM));
  }

  static Set<Role> roles(Jwt jwt) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    var names = jwt.getClaimAsStringList(ROLES_CLAIM);
    if (names != null) {
      for (String name : names) {
        for (Role role : Role.values()) {
          if (role.name().equals(name)) {
            roles.add(role);
          }
        }
      }
    }
    return roles;
  }

  private static UUID uuid(String value) {
    if (value == null) {
      return null;
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
