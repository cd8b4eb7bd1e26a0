package io.rollcall.application.scim;

import io.rollcall.domain.identity.ContactValue;
import io.rollcall.domain.identity.Member;
import java.util.List;

/**
 * Every member attribute SCIM may write, as one value: a create, a PUT and the result of a PATCH are all a draft.
 * Addresses travel as the JSON array text the SCIM layer validated and normalised; {@code storedValuesJson} likewise
 * holds the multi-valued attributes kept only to be returned (roles, entitlements, ims, photos, x509Certificates):
 * a SCIM {@code roles} value is data about the user and never a Rollcall role.
 * Role, account link, origin and SSO subject are deliberately absent: SCIM cannot reach them.
 */
public record MemberDraft(
        String userName,
        String externalId,
        Name name,
        String displayName,
        String nickName,
        String profileUrl,
        String title,
        String userType,
        String preferredLanguage,
        String locale,
        String timezone,
        boolean active,
        List<ContactValue> emails,
        List<ContactValue> phoneNumbers,
        String addressesJson,
        String storedValuesJson,
        Enterprise enterprise) {

    /** The parts of {@code name}. */
    public record Name(
            String formatted,
            String familyName,
            String givenName,
            String middleName,
            String honorificPrefix,
            String honorificSuffix) {}

    /** The enterprise extension (RFC 7643 section 4.3). */
    public record Enterprise(
            String employeeNumber,
            String costCenter,
            String organization,
            String division,
            String department,
            String managerValue,
            String managerDisplayName) {}

    public static MemberDraft of(Member m) {
        return new MemberDraft(
                m.userName(),
                m.externalId(),
                new Name(
                        m.formattedName(),
                        m.familyName(),
                        m.givenName(),
                        m.middleName(),
                        m.honorificPrefix(),
                        m.honorificSuffix()),
                m.displayName(),
                m.nickName(),
                m.profileUrl(),
                m.title(),
                m.userType(),
                m.preferredLanguage(),
                m.locale(),
                m.timezone(),
                m.active(),
                m.emails().stream()
                        .map(e -> new ContactValue(e.value(), e.type(), e.display(), e.primary()))
                        .toList(),
                m.phoneNumbers().stream()
                        .map(p -> new ContactValue(p.value(), p.type(), p.display(), p.primary()))
                        .toList(),
                m.addressesJson(),
                m.storedValuesJson(),
                new Enterprise(
                        m.employeeNumber(),
                        m.costCenter(),
                        m.organization(),
                        m.division(),
                        m.department(),
                        m.managerValue(),
                        m.managerDisplayName()));
    }

    /** Writes everything but {@code active}, which goes through the last-owner rule first. */
    void applyTo(Member m) {
        m.setUserName(userName);
        m.setExternalId(externalId);
        m.setFormattedName(name.formatted());
        m.setFamilyName(name.familyName());
        m.setGivenName(name.givenName());
        m.setMiddleName(name.middleName());
        m.setHonorificPrefix(name.honorificPrefix());
        m.setHonorificSuffix(name.honorificSuffix());
        m.setDisplayName(displayName);
        m.setNickName(nickName);
        m.setProfileUrl(profileUrl);
        m.setTitle(title);
        m.setUserType(userType);
        m.setPreferredLanguage(preferredLanguage);
        m.setLocale(locale);
        m.setTimezone(timezone);
        if (!emails.equals(MemberDraft.of(m).emails())) {
            m.replaceEmails(emails);
        }
        if (!phoneNumbers.equals(MemberDraft.of(m).phoneNumbers())) {
            m.replacePhoneNumbers(phoneNumbers);
        }
        m.setAddressesJson(addressesJson);
        m.setStoredValuesJson(storedValuesJson);
        m.setEmployeeNumber(enterprise.employeeNumber());
        m.setCostCenter(enterprise.costCenter());
        m.setOrganization(enterprise.organization());
        m.setDivision(enterprise.division());
        m.setDepartment(enterprise.department());
        m.setManagerValue(enterprise.managerValue());
        m.setManagerDisplayName(enterprise.managerDisplayName());
    }
}
