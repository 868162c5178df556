package dev.outreach.core;

import dev.outreach.core.internal.ColumnMap;
import dev.outreach.core.internal.Phones;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One loan account, with the outreach API's record fields and any other attributes in {@link
 * #custom()}.
 *
 * <p>Only {@code loanId} is required; every other field may be {@code null} (absent). Money is
 * {@link BigDecimal}, dates are {@link LocalDate}. In DRL: {@code Customer( paymentStatus ==
 * "bounced" )}, {@code Customer( custom["branch"] == "mumbai" )}.
 *
 * @param loanId the loan id, unique in a portfolio; the id the API's {@code ids} filter selects by
 * @param custom every other attribute by column name (e.g. {@code branch}); never {@code null}, no
 *     {@code null} values; values are {@link String}, {@link BigDecimal} or {@link Boolean}
 */
public record Customer(
    String loanId,
    String firstName,
    String lastName,
    String phoneNumber,
    BigDecimal loanAmount,
    BigDecimal emiAmount,
    Integer loanPeriod,
    BigDecimal currentEmi,
    LocalDate emiDueDate,
    String paymentStatus,
    String language,
    String leadId,
    LocalDate leadDate,
    Map<String, Object> custom)
    implements java.io.Serializable {

  public Customer {
    Objects.requireNonNull(loanId, "loanId == null");
    if (loanId.isBlank()) {
      throw new IllegalArgumentException("loanId is blank");
    }
    custom = custom == null ? Map.of() : custom instanceof ColumnMap ? custom : Map.copyOf(custom);
  }

  /**
   * The loan id's hash: equal customers have equal loan ids, and rules that join on a customer hash
   * it once per fact, so hashing every attribute would cost more than the join.
   */
  @Override
  public int hashCode() {
    return loanId.hashCode();
  }

  /**
   * This customer with {@code status} as their payment status (say {@code paid}, once they pay).
   */
  public Customer withPaymentStatus(String status) {
    return with(status, custom);
  }

  /**
   * This customer with only what filters read: the loan id, {@code payment_status}, {@code
   * language}, {@code emi_due_date}, {@code emi_amount} and the custom attributes.
   */
  public Customer filterable() {
    return new Customer(
        loanId,
        null,
        null,
        null,
        null,
        emiAmount,
        null,
        null,
        emiDueDate,
        paymentStatus,
        language,
        null,
        null,
        custom);
  }

  /** This customer with {@code attributes} as their custom attributes. */
  public Customer withCustom(Map<String, Object> attributes) {
    return with(paymentStatus, attributes);
  }

  private Customer with(String status, Map<String, Object> attributes) {
    return new Customer(
        loanId,
        firstName,
        lastName,
        phoneNumber,
        loanAmount,
        emiAmount,
        loanPeriod,
        currentEmi,
        emiDueDate,
        status,
        language,
        leadId,
        leadDate,
        attributes);
  }

  /** A customer with only a loan id; add fields with {@link #builder(String)}. */
  public static Builder builder(String loanId) {
    return new Builder(loanId);
  }

  /** The custom attribute {@code name}, or {@code null} when absent. */
  public Object attribute(String name) {
    return custom.get(name);
  }

  @Override
  public String toString() {
    // Never print the phone number in full: toString ends up in logs and exception messages.
    return "Customer[loanId="
        + loanId
        + ", paymentStatus="
        + paymentStatus
        + ", phone="
        + Phones.mask(phoneNumber)
        + "]";
  }

  /** Builds a {@link Customer} field by field; every field defaults to absent. */
  public static final class Builder {
    private final String loanId;
    private String firstName;
    private String lastName;
    private String phoneNumber;
    private BigDecimal loanAmount;
    private BigDecimal emiAmount;
    private Integer loanPeriod;
    private BigDecimal currentEmi;
    private LocalDate emiDueDate;
    private String paymentStatus;
    private String language;
    private String leadId;
    private LocalDate leadDate;
    private Map<String, Object> custom = new LinkedHashMap<>();

    private Builder(String loanId) {
      this.loanId = loanId;
    }

    public Builder firstName(String v) {
      firstName = v;
      return this;
    }

    public Builder lastName(String v) {
      lastName = v;
      return this;
    }

    public Builder phoneNumber(String v) {
      phoneNumber = v;
      return this;
    }

    public Builder loanAmount(BigDecimal v) {
      loanAmount = v;
      return this;
    }

    public Builder emiAmount(BigDecimal v) {
      emiAmount = v;
      return this;
    }

    public Builder loanPeriod(Integer v) {
      loanPeriod = v;
      return this;
    }

    public Builder currentEmi(BigDecimal v) {
      currentEmi = v;
      return this;
    }

    public Builder emiDueDate(LocalDate v) {
      emiDueDate = v;
      return this;
    }

    public Builder paymentStatus(String v) {
      paymentStatus = v;
      return this;
    }

    public Builder language(String v) {
      language = v;
      return this;
    }

    public Builder leadId(String v) {
      leadId = v;
      return this;
    }

    public Builder leadDate(LocalDate v) {
      leadDate = v;
      return this;
    }

    /**
     * Replaces every custom attribute with those of {@code attributes} (no {@code null} keys or
     * values), as one map: a reader building millions of customers passes one map per customer.
     */
    public Builder customAll(Map<String, Object> attributes) {
      custom = attributes instanceof ColumnMap ? attributes : new LinkedHashMap<>(attributes);
      return this;
    }

    /** Sets custom attribute {@code name}; a {@code null} value removes it. */
    public Builder custom(String name, Object value) {
      if (custom instanceof ColumnMap) {
        custom = new LinkedHashMap<>(custom);
      }
      if (value == null) {
        custom.remove(name);
      } else {
        custom.put(name, value);
      }
      return this;
    }

    public Customer build() {
      return new Customer(
          loanId,
          firstName,
          lastName,
          phoneNumber,
          loanAmount,
          emiAmount,
          loanPeriod,
          currentEmi,
          emiDueDate,
          paymentStatus,
          language,
          leadId,
          leadDate,
          custom);
    }
  }
}
