package io.rollcall.domain.identity;

import io.rollcall.domain.shared.Ids;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Account x Workspace, and the SCIM User of that workspace. Holds exactly one direct role. A deactivated member
 * ({@code active = false}) keeps its data but has no permissions and cannot log in. {@link #accountId()} is empty for
 * a member provisioned by SCIM without an email until the person first logs in.
 */
@Entity
@Table(name = "member")
public class Member {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "workspace_id", nullable = false)
    private String workspaceId;

    @Column(name = "account_id")
    private String accountId;

    @Column(name = "role_id", nullable = false)
    private String roleId;

    @Column(name = "user_name", nullable = false)
    private String userName;

    @Column(name = "user_name_lower", nullable = false)
    private String userNameLower;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "break_glass", nullable = false)
    private boolean breakGlass;

    @Enumerated(EnumType.STRING)
    @Column(name = "origin", nullable = false)
    private MemberOrigin origin;

    @Column(name = "external_id")
    private String externalId;

    @Column(name = "formatted_name")
    private String formattedName;

    @Column(name = "family_name")
    private String familyName;

    @Column(name = "given_name")
    private String givenName;

    @Column(name = "middle_name")
    private String middleName;

    @Column(name = "honorific_prefix")
    private String honorificPrefix;

    @Column(name = "honorific_suffix")
    private String honorificSuffix;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "nick_name")
    private String nickName;

    @Column(name = "profile_url")
    private String profileUrl;

    @Column(name = "title")
    private String title;

    @Column(name = "user_type")
    private String userType;

    @Column(name = "preferred_language")
    private String preferredLanguage;

    @Column(name = "locale")
    private String locale;

    @Column(name = "timezone")
    private String timezone;

    @Column(name = "employee_number")
    private String employeeNumber;

    @Column(name = "cost_center")
    private String costCenter;

    @Column(name = "organization")
    private String organization;

    @Column(name = "division")
    private String division;

    @Column(name = "department")
    private String department;

    @Column(name = "manager_value")
    private String managerValue;

    @Column(name = "manager_display_name")
    private String managerDisplayName;

    @Column(name = "sso_subject")
    private String ssoSubject;

    /** SCIM addresses as a JSON array (validated by the SCIM layer); null when none. */
    @Column(name = "addresses_json")
    private String addressesJson;

    /**
     * SCIM multi-valued attributes kept only to be returned (roles, entitlements, ims, photos, x509Certificates) as
     * one JSON object of arrays, validated by the SCIM layer; null when none. Never read for authorization.
     */
    @Column(name = "stored_values_json")
    private String storedValuesJson;

    @OneToMany(mappedBy = "member", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<MemberEmail> emails = new ArrayList<>();

    @OneToMany(mappedBy = "member", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<MemberPhone> phoneNumbers = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version")
    private long version;

    protected Member() {}

    public Member(
            String id,
            String workspaceId,
            String accountId,
            String userName,
            String roleId,
            MemberOrigin origin,
            Instant now) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.accountId = accountId;
        setUserName(userName);
        this.roleId = roleId;
        this.origin = origin;
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String accountId() {
        return accountId;
    }

    public void linkAccount(String accountId) {
        this.accountId = accountId;
    }

    public String roleId() {
        return roleId;
    }

    /** Changes the direct role. Callers must have checked the last-owner rule under the workspace lock. */
    public void assignRole(String roleId) {
        this.roleId = roleId;
    }

    public String userName() {
        return userName;
    }

    public final void setUserName(String userName) {
        this.userName = userName;
        this.userNameLower = userName.toLowerCase(Locale.ROOT);
    }

    public boolean active() {
        return active;
    }

    /** A break-glass owner may sign in by e-mail even where the workspace sets {@code sso.required}. */
    public boolean breakGlass() {
        return breakGlass;
    }

    public void setBreakGlass(boolean breakGlass) {
        this.breakGlass = breakGlass;
    }

    /** Activates or deactivates. Deactivating the last owner must have been refused by the caller. */
    public void setActive(boolean active) {
        this.active = active;
    }

    public MemberOrigin origin() {
        return origin;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    public void touch(Instant now) {
        this.updatedAt = now;
    }

    public String externalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public String formattedName() {
        return formattedName;
    }

    public void setFormattedName(String formattedName) {
        this.formattedName = formattedName;
    }

    public String familyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    public String givenName() {
        return givenName;
    }

    public void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    public String middleName() {
        return middleName;
    }

    public void setMiddleName(String middleName) {
        this.middleName = middleName;
    }

    public String honorificPrefix() {
        return honorificPrefix;
    }

    public void setHonorificPrefix(String honorificPrefix) {
        this.honorificPrefix = honorificPrefix;
    }

    public String honorificSuffix() {
        return honorificSuffix;
    }

    public void setHonorificSuffix(String honorificSuffix) {
        this.honorificSuffix = honorificSuffix;
    }

    public String displayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String nickName() {
        return nickName;
    }

    public void setNickName(String nickName) {
        this.nickName = nickName;
    }

    public String profileUrl() {
        return profileUrl;
    }

    public void setProfileUrl(String profileUrl) {
        this.profileUrl = profileUrl;
    }

    public String title() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String userType() {
        return userType;
    }

    public void setUserType(String userType) {
        this.userType = userType;
    }

    public String preferredLanguage() {
        return preferredLanguage;
    }

    public void setPreferredLanguage(String preferredLanguage) {
        this.preferredLanguage = preferredLanguage;
    }

    public String locale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public String timezone() {
        return timezone;
    }

    public void setTimezone(String timezone) {
        this.timezone = timezone;
    }

    public String employeeNumber() {
        return employeeNumber;
    }

    public void setEmployeeNumber(String employeeNumber) {
        this.employeeNumber = employeeNumber;
    }

    public String costCenter() {
        return costCenter;
    }

    public void setCostCenter(String costCenter) {
        this.costCenter = costCenter;
    }

    public String organization() {
        return organization;
    }

    public void setOrganization(String organization) {
        this.organization = organization;
    }

    public String division() {
        return division;
    }

    public void setDivision(String division) {
        this.division = division;
    }

    public String department() {
        return department;
    }

    public void setDepartment(String department) {
        this.department = department;
    }

    public String managerValue() {
        return managerValue;
    }

    public void setManagerValue(String managerValue) {
        this.managerValue = managerValue;
    }

    public String managerDisplayName() {
        return managerDisplayName;
    }

    public void setManagerDisplayName(String managerDisplayName) {
        this.managerDisplayName = managerDisplayName;
    }

    public String ssoSubject() {
        return ssoSubject;
    }

    public void setSsoSubject(String ssoSubject) {
        this.ssoSubject = ssoSubject;
    }

    public String addressesJson() {
        return addressesJson;
    }

    public void setAddressesJson(String addressesJson) {
        this.addressesJson = addressesJson;
    }

    public String storedValuesJson() {
        return storedValuesJson;
    }

    public void setStoredValuesJson(String storedValuesJson) {
        this.storedValuesJson = storedValuesJson;
    }

    public List<MemberEmail> emails() {
        return Collections.unmodifiableList(emails);
    }

    /** The primary email, else the first one; null when the member has none. */
    public String primaryEmail() {
        return emails.stream()
                .filter(MemberEmail::primary)
                .findFirst()
                .or(() -> emails.stream().findFirst())
                .map(MemberEmail::value)
                .orElse(null);
    }

    /** Replaces all emails, keeping their order. */
    public void replaceEmails(List<ContactValue> values) {
        emails.clear();
        for (int i = 0; i < values.size(); i++) {
            ContactValue v = values.get(i);
            emails.add(new MemberEmail(Ids.newId(), this, i, v.value(), v.type(), v.display(), v.primary()));
        }
    }

    public List<MemberPhone> phoneNumbers() {
        return Collections.unmodifiableList(phoneNumbers);
    }

    public void replacePhoneNumbers(List<ContactValue> values) {
        phoneNumbers.clear();
        for (int i = 0; i < values.size(); i++) {
            ContactValue v = values.get(i);
            phoneNumbers.add(new MemberPhone(Ids.newId(), this, i, v.value(), v.type(), v.display(), v.primary()));
        }
    }
}
